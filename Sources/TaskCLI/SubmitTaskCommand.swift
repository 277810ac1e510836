import ArgumentParser
import Foundation
import TaskRuntime

/// `taskforge submit <task>`: one instance per task, its flags from the generated ``SubmitArguments``.
///
/// The input is `--input-json` with the flags laid over it, checked against the task's schema
/// before anything is sent.
public struct SubmitTaskCommand<Arguments: SubmitArguments>: AsyncParsableCommand {
    public static var configuration: CommandConfiguration {
        let definition = Arguments.definition
        return CommandConfiguration(
            commandName: definition.name,
            abstract: definition.summary,
            discussion: (definition.description.map { $0 + "\n\n" } ?? "")
                + "Task version \(definition.version), queue '\(definition.queue)', timeout \(definition.timeout.compactDescription)."
        )
    }

    @OptionGroup public var arguments: Arguments
    @OptionGroup public var options: SubmitOptions

    public init() {}

    public func validate() throws {
        let given = arguments.filePaths
        let missing = Arguments.definition.files.filter { $0.required && given[$0.name] == nil }.map {
            "--" + Naming.kebabCase($0.name)
        }
        if !missing.isEmpty {
            throw ValidationError("'\(Arguments.definition.name)' needs its files: \(missing.joined(separator: ", "))")
        }
        for (name, path) in given where !FileManager.default.isReadableFile(atPath: path) {
            throw ValidationError("--\(Naming.kebabCase(name)): cannot read '\(path)'")
        }
        // An older pinned version has its own schema, which the server checks.
        if let version = options.taskVersion, version != Arguments.definition.version { return }
        let violations = Arguments.validateInput(try input())
        guard violations.isEmpty else {
            throw ValidationError(
                "the input is not valid for '\(Arguments.definition.name)':\n"
                    + violations.map { "  \(Self.flag(for: $0.pointer)): \($0.message)" }.joined(separator: "\n"))
        }
    }

    public func run() async throws {
        let client = options.connection.client
        let job =
            try await Arguments.definition.files.isEmpty ? submit(with: client) : submitUploadingFiles(with: client)
        guard options.wait else {
            print(options.json ? job.prettyString : "\(job.submission) (\(job.summary))")
            return
        }
        let finished = try await JobWaiter(client: client).wait(for: job)
        try JobWaiter.finish(finished, asJSON: options.json)
    }

    private func submit(with client: APIClient) async throws -> RemoteJob {
        try await client.submit(
            task: Arguments.definition.name, query: options.queryParameters + announcedFiles, input: try input(),
            idempotencyKey: options.idempotencyKey)
    }

    /// `files=dbf,prj`: every optional file given on the command line, so the job waits for them too
    /// instead of starting at its last required file.
    private var announcedFiles: [(name: String, value: String)] {
        let given = arguments.filePaths
        let optional = Arguments.definition.files.filter { !$0.required && given[$0.name] != nil }.map(\.name)
        return optional.isEmpty ? [] : [("files", optional.joined(separator: ","))]
    }

    /// Submits the job (or, when this very command was interrupted before, finds the job it
    /// submitted, still waiting) and uploads its files with tus, resuming where an earlier run stopped.
    private func submitUploadingFiles(with client: APIClient) async throws -> RemoteJob {
        let files = arguments.filePaths.mapValues { URL(fileURLWithPath: $0) }
        let fingerprint = try FileSubmission.fingerprint(
            server: client.baseURL, task: Arguments.definition.name, input: try input().canonicalString(), files: files)
        let recordURL = FileSubmission.recordURL(fingerprint: fingerprint)
        var record: FileSubmission
        var job: RemoteJob
        if let saved = FileSubmission.load(from: recordURL), let waiting = try? await client.job(id: saved.jobID),
            waiting.state == "waiting"
        {
            printError("resuming the uploads of job \(saved.jobID)")
            (record, job) = (saved, waiting)
        } else {
            job = try await submit(with: client)
            record = FileSubmission(jobID: job.idString)
            try record.save(to: recordURL)
        }
        job = try await JobFileUploader(client: client).upload(files, of: job, record: &record, recordURL: recordURL)
        try? FileManager.default.removeItem(at: recordURL)
        return job
    }

    private func input() throws -> JSONValue {
        var fields: [String: JSONValue] = [:]
        if let text = options.inputJSON {
            guard let parsed = try? JSONValue(json: Data(text.utf8)), let object = parsed.objectValue else {
                throw ValidationError("--input-json must be a JSON object")
            }
            fields = object
        }
        fields.merge(arguments.fields) { _, flag in flag }
        return .object(fields)
    }

    /// `/recency_days` -> `--recency-days`; deeper pointers stay pointers.
    private static func flag(for pointer: String) -> String {
        let parts = pointer.split(separator: "/")
        return parts.count == 1 ? "--" + Naming.kebabCase(String(parts[0])) : pointer
    }
}

extension SubmitArguments {
    /// The `taskforge submit` subcommand for these flags.
    public static var submitCommand: any ParsableCommand.Type { SubmitTaskCommand<Self>.self }
}
