import Foundation
import TaskRuntime

/// The JSON form of `POST /v1/artifacts`, as the seed services send it:
/// `{"job_id": "...", "name": "log.txt", "content_type": "text/plain", "data_base64": "SGVsbG8="}`.
/// `task_id` is accepted for `job_id` and `type` for `name` (the seeds' names); `name` defaults to
/// `type`, then `artifact`; `content_type` to `application/octet-stream`. A `null` member counts as
/// absent. `data_base64` is standard, padded base64 (RFC 4648, section 4) without line breaks.
struct ArtifactEnvelope {
    var jobID: String?
    var name: String
    var contentType: String
    var data: Data

    private static let members: Set = ["job_id", "task_id", "name", "type", "content_type", "data_base64"]

    /// Parses `json`; every malformed member is reported at once (`422 invalid_artifact`).
    init(_ json: JSONValue) throws {
        guard case .object(let object) = json else {
            throw Self.invalid([Violation(pointer: "", code: "type", message: "must be a JSON object")])
        }
        var violations: [Violation] = []
        for key in object.keys.sorted() where !Self.members.contains(key) {
            violations.append(
                Violation(pointer: "/\(key)", code: "additional_property", message: "unknown property '\(key)'"))
        }
        func string(_ key: String) -> String? {
            guard let value = object[key], value != .null else { return nil }
            guard case .string(let text) = value else {
                violations.append(Violation(pointer: "/\(key)", code: "type", message: "must be a string"))
                return nil
            }
            return text
        }
        // Both spellings are read, so that a malformed one is reported even when the other is given.
        let jobIDs = (string("job_id"), string("task_id"))
        jobID = jobIDs.0 ?? jobIDs.1
        let names = (string("name"), string("type"))
        name = names.0 ?? names.1 ?? "artifact"
        contentType = string("content_type") ?? "application/octet-stream"
        for (key, given) in [("job_id", jobIDs.0), ("task_id", jobIDs.1)] {
            guard let given, UUID(uuidString: given) == nil else { continue }
            violations.append(Violation(pointer: "/\(key)", code: "format", message: "must be a job id (a UUID)"))
        }
        // Each spelling given must be a valid name, the one not used included: the document says so.
        for (key, given) in [("name", names.0), ("type", names.1)] {
            guard let given, let problem = ArtifactName.problem(with: given) else { continue }
            violations.append(Violation(pointer: "/\(key)", code: "name", message: problem))
        }
        if let problem = ArtifactUploadParameters.contentTypeProblem(contentType) {
            violations.append(Violation(pointer: "/content_type", code: "content_type", message: problem))
        }
        switch string("data_base64") {
        case nil where object["data_base64"] == nil || object["data_base64"] == .null:
            violations.append(
                Violation(
                    pointer: "/data_base64", code: "required",
                    message: "the artifact's bytes, base64-encoded, are required"))
            data = Data()
        case nil:
            data = Data()
        case let text?:
            if let decoded = Data(base64Encoded: text) {
                data = decoded
            } else {
                violations.append(Violation(pointer: "/data_base64", code: "base64", message: "is not valid base64"))
                data = Data()
            }
        }
        guard violations.isEmpty else { throw Self.invalid(violations) }
    }

    private static func invalid(_ violations: [Violation]) -> Problem {
        Problem(
            .unprocessableContent, .invalidArtifact,
            "the artifact upload is malformed: \(violations.count) violation(s)",
            extensions: ["violations": .array(violations.map(\.json))])
    }
}
