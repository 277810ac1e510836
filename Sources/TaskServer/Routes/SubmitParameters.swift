import Foundation
import TaskRuntime

/// The query parameters of `POST /v1/tasks/{name}`: `version`, `priority`, `delay` or `run_at`, and
/// `files`, the optional files the client will upload (docs/files.md).
struct SubmitParameters {
    /// The input's version; `nil` for the current one.
    var version: Int?
    /// Overrides the task's default priority.
    var priority: Int?
    /// When the job may run first; `nil` for now.
    var runAt: Date?
    /// The optional files the client announced (`files=dbf,prj`): the job waits for them as well.
    var announcedFiles: [String] = []

    /// The options as the client wrote them (`delay` unresolved), for ``fingerprint(task:input:)``.
    private var written: [String: JSONValue] = [:]

    /// A digest of a submission of `input` to `task` with these options: equal for a repeated request,
    /// different when anything that changes the job differs (an `Idempotency-Key` compares it).
    func fingerprint(task: String, input: JSONValue) -> String {
        ContentHash.sha256Hex(
            JSONValue.object(["task": .string(task), "options": .object(written), "input": input]).canonicalString())
    }

    /// Reads the parameters with `query`, relative to `now`; a malformed one throws `invalid_parameter`.
    init(query: (String) -> Substring?, now: Date = Date()) throws {
        for name in ["version", "priority", "delay", "run_at", "files"] {
            if let text = query(name) { written[name] = .string(String(text)) }
        }
        version = try query("version").map { text in
            guard let version = Int(text), version > 0 else {
                throw Problem.invalidParameter("version", "must be a positive integer")
            }
            return version
        }
        priority = try query("priority").map { text in
            let range = TaskDefinition.priorityRange
            guard let priority = Int(text), range.contains(priority) else {
                throw Problem.invalidParameter(
                    "priority", "must be an integer from \(range.lowerBound) to \(range.upperBound)")
            }
            return priority
        }
        let delay = try query("delay").map { text in
            guard let delay = DurationSyntax.parseDelay(String(text)) else {
                throw Problem.invalidParameter(
                    "delay",
                    "must be a duration such as \(DurationSyntax.examples): up to three parts of at most four digits")
            }
            return delay
        }
        let runAt = try query("run_at").map { text in
            guard let date = Self.timestamp(String(text)) else {
                throw Problem.invalidParameter("run_at", "must be an RFC 3339 timestamp such as '2026-01-31T09:30:00Z'")
            }
            return date
        }
        if delay != nil, runAt != nil {
            throw Problem(
                .badRequest, .invalidParameter, "query parameters 'delay' and 'run_at' exclude each other; give one",
                extensions: ["parameter": "run_at"])
        }
        self.runAt = runAt ?? delay.map { now.addingTimeInterval($0.seconds) }
        // `files=dbf,prj` (the OpenAPI form style); an empty value announces nothing.
        announcedFiles = query("files").map { $0.split(separator: ",").map(String.init) } ?? []
        if let repeated = announcedFiles.enumerated().first(where: { announcedFiles[..<$0.offset].contains($0.element) }
        ) {
            throw Problem.invalidParameter("files", "names '\(repeated.element)' twice; name each file once")
        }
    }

    /// `job` awaiting the announced files too; a name the task does not declare is `invalid_parameter`.
    func announcingFiles(on job: NewJob) throws -> NewJob {
        do {
            return try job.announcing(optionalFiles: announcedFiles)
        } catch {
            let declared =
                error.declared.isEmpty
                ? "it declares no files" : "it declares " + error.declared.joined(separator: ", ")
            throw Problem.invalidParameter(
                "files", "names '\(error.name)', which task '\(job.task)' does not declare; \(declared)")
        }
    }

    /// An RFC 3339 timestamp, as the document's `format: date-time` describes it.
    private static func timestamp(_ text: String) -> Date? {
        RFC3339Timestamp.date(text)
    }

}
