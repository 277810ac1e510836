import Foundation

/// A line from the supervising worker to a handler process: run one attempt, or stop it.
struct HostRequest: Codable, Sendable {
    /// One attempt to run: what the handler needs to know of its job.
    struct Run: Codable, Sendable {
        var jobId: UUID
        var task: String
        var version: Int
        var attempt: Int
        var input: JSONValue
        /// The 0-based stage of a multi-stage job to run; absent for the first (or only) stage.
        var stage: Int?
        /// The output of the stage before `stage`; absent for the first stage.
        var previous: JSONValue?
        /// The job's input files, fetched by the supervisor: local paths by declared name.
        var inputFiles: [String: String]?
        /// The artifacts earlier stages wrote, fetched by the supervisor: local paths by artifact ID.
        var stageArtifacts: [String: String]?
        /// The datasets the job reads, fetched by the supervisor.
        var datasets: [DatasetFile]?
    }

    var run: Run?
    /// Cancel the attempt running (cooperatively: the supervisor kills the process if it goes on).
    var cancel: Bool?
    /// The answer to the handler's ``HostReply/artifact`` request with the same `id`.
    var artifactWritten: ArtifactWritten?

    /// How a forwarded artifact write ended: exactly one of `artifact` and `error`.
    struct ArtifactWritten: Codable, Sendable {
        var id: Int
        var artifact: Artifact?
        var error: JobError?
    }
}

/// A handler's `job.artifacts.write`, forwarded to the supervisor, which stores the file at `path`
/// (on the same machine) and answers with ``HostRequest/artifactWritten``.
struct ArtifactWriteRequest: Codable, Sendable {
    var id: Int
    var name: String
    var contentType: String
    var path: String
    /// Register the artifact as a dataset too (``JobArtifacts/writeDataset(name:contentType:from:description:)``).
    var dataset: DatasetDescription?
}

/// A line from a handler process to its supervisor: progress, or how the attempt ended (exactly
/// one of `output`, `error` and `cancelled` ends it).
struct HostReply: Codable, Sendable {
    var progress: Double?
    /// The step named with ``progress`` (``JobContext/progress(_:step:)``).
    var step: String?
    /// Store this file as an artifact of the attempt (not an end of the attempt).
    var artifact: ArtifactWriteRequest?
    var output: JSONValue?
    var error: JobError?
    /// With a transient `error`: the least seconds to wait before retrying (``TaskError/retryAfter``).
    var retryAfterSeconds: Double?
    var cancelled: Bool?
}

/// One JSON object a line, as handler processes and their supervisors speak. Both sides go
/// through ``JSONValue`` rather than Foundation's coders: a job's input and output are `JSONValue`s
/// already, which `JSONDecoder` can only rebuild by trial and error, a thrown error per type tried.
enum HostLine {
    static func encode(_ value: some Encodable) throws -> Data {
        var data = try JSONValue(encoding: value).canonicalData()
        data.append(UInt8(ascii: "\n"))
        return data
    }

    static func decode<Value: Decodable>(_ type: Value.Type, from line: Data) throws -> Value {
        try JSONValue(json: line).decode(as: type)
    }
}
