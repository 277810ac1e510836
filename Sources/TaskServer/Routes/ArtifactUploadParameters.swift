import Foundation
import Hummingbird
import TaskRuntime

/// The query string of a raw `POST /v1/artifacts`: `name` (default `artifact`) and `job_id` (optional),
/// with the `Content-Type` header as the artifact's content type.
struct ArtifactUploadParameters {
    var name: String
    var jobID: String?
    var contentType: String

    init(_ request: Request) throws {
        let parameters = request.uri.queryParameters
        let name = parameters["name"].map(String.init) ?? "artifact"
        if let problem = ArtifactName.problem(with: name) { throw Problem.invalidParameter("name", problem) }
        self.name = name
        jobID = try Self.jobID(request)
        contentType = request.headers[.contentType] ?? "application/octet-stream"
        if let problem = Self.contentTypeProblem(contentType) {
            throw Problem(
                .badRequest, .invalidArtifact, "the Content-Type header \(problem)",
                extensions: ["header": "Content-Type"])
        }
    }

    /// `?job_id=`, the job to attach the artifact to (either form of the upload); `400 invalid_parameter`
    /// unless it is a UUID.
    static func jobID(_ request: Request) throws -> String? {
        guard let text = request.uri.queryParameters["job_id"].map(String.init) else { return nil }
        guard UUID(uuidString: text) != nil else {
            throw Problem.invalidParameter("job_id", "must be a job id (a UUID)")
        }
        return text
    }

    /// Why `contentType` is not a media type to record, or `nil` when it is: `type/subtype` with
    /// optional parameters, printable ASCII, at most 255 characters (the OpenAPI document's pattern).
    static func contentTypeProblem(_ contentType: String) -> String? {
        guard contentType.utf8.count <= 255, contentType.utf8.allSatisfy({ (0x20...0x7e).contains($0) }),
            contentType.range(of: "^[A-Za-z0-9!#$&^_.+-]+/[A-Za-z0-9!#$&^_.+-]+( *;.*)?$", options: .regularExpression)
                != nil
        else { return "must be a media type like text/csv (printable ASCII, at most 255 characters)" }
        return nil
    }
}
