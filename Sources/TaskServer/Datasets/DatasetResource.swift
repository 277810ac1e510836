import Foundation
import TaskRuntime

/// The JSON form of a dataset (`GET /v1/datasets/{id}`, and in lists): its bytes (name, type, size,
/// SHA-256), who wrote it, and the profile read when it was stored.
enum DatasetResource {
    static func json(_ dataset: Dataset) -> JSONValue {
        let id = dataset.id.lowercasedString
        let artifact = dataset.artifact
        var profile: [String: JSONValue] = [:]
        if case .object(let members) = dataset.profile { profile = members }
        return [
            "id": .string(id),
            "name": .string(artifact.name),
            "format": .string(dataset.format),
            "content_type": .string(artifact.contentType),
            "size": .integer(Int(artifact.size)),
            "sha256": .string(artifact.sha256),
            "row_count": .integer(dataset.rowCount),
            "columns": profile["columns"] ?? [],
            "preview": profile["preview"] ?? [],
            "created_at": JobResource.timestamp(artifact.createdAt),
            "job_id": artifact.producer.map { .string($0.jobID.lowercasedString) } ?? .null,
            "links": [
                "self": .string("/v1/datasets/\(id)"),
                "content": .string("/v1/datasets/\(id)/content"),
            ],
        ]
    }

    /// A page of datasets: `datasets` and the cursor of the next page.
    static func json(_ page: DatasetPage) -> JSONValue {
        [
            "datasets": .array(page.datasets.map(json)),
            "next_cursor": page.nextBefore.map { .string(PageParameters.cursor(for: $0)) } ?? .null,
        ]
    }
}
