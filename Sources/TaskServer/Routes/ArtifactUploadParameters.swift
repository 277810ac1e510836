import Foundation
import Hummingbird
import TaskRuntime

/// The query string of a raw `POST /v1/artifacts`: `name` (required) and `job_id` (optional), with
/// the `Content-Type` header as the artifact's content type.
struct ArtifactUploadParameters {
    var name: String
    var jobID: String?
    var contentType: String

    init(_ request: Request) throws {
        let parameters = request.uri.queryParameters
        guard let name = parameters["name"].map(String.init) else {
            throw Problem.invalidParameter("name", "is required: the artifact's name, like ?name=report.csv")
        }
        if let problem = ArtifactName.problem(with: name) { throw Problem.invalidParameter("name", problem) }
        self.name = name
        jobID = parameters["job_id"].map(String.init)
        contentType = request.headers[.contentType] ?? "application/octet-stream"
        if let problem = Self.contentTypeProblem(contentType) {
            throw Problem(.badRequest, .invalidArtifact, "the Content-Type header \(problem)", extensions: ["header": "Content-Type"])
        }
    }

    /// Why `contentType` is not a media type to record, or `nil` when it is: `type/subtype` with
    /// optional parameters, printable ASCII, at most 255 characters.
    static func contentTypeProblem(_ contentType: String) -> String? {
        guard contentType.utf8.count <= 255, contentType.utf8.allSatisfy({ (0x20...0x7e).contains($0) }),
            contentType.range(of: "^[A-Za-z0-9!#$&^_.+-]+/[A-Za-z0-9!#$&^_.+-]+(\\s*;.*)?$", options: .regularExpression) != nil
        else { return "must be a media type like text/csv (printable ASCII, at most 255 characters)" }
        return nil
    }
}
