import Foundation
import TaskRuntime

/// The JSON forms of an artifact: its summary (in a job's `artifacts`, and answering an upload)
/// and its lineage (`GET /v1/artifacts/{id}/meta`).
enum ArtifactResource {
    static func json(_ artifact: Artifact) -> JSONValue {
        let path = "/v1/artifacts/\(artifact.id.lowercasedString)"
        return [
            "id": .string(artifact.id.lowercasedString),
            "name": .string(artifact.name),
            "content_type": .string(artifact.contentType),
            "size": .integer(Int(artifact.size)),
            "sha256": .string(artifact.sha256),
            "created_at": JobResource.timestamp(artifact.createdAt),
            "job_id": artifact.producer.map { .string($0.jobID.lowercasedString) } ?? .null,
            "links": ["self": .string(path), "meta": .string(path + "/meta")],
        ]
    }

    /// The artifact with its lineage: the producing job, attempt, task version and stage, and the
    /// job's input with its SHA-256 and the job's input files with theirs (`job` is `null` once the
    /// job was pruned; `producer` stays).
    static func metaJSON(_ artifact: Artifact, job: Job?, files: [JobFile] = []) -> JSONValue {
        guard case .object(var members) = json(artifact) else { return json(artifact) }
        members["storage_key"] = .string(artifact.storageKey)
        members["producer"] =
            artifact.producer.map { producer in
                [
                    "job_id": .string(producer.jobID.lowercasedString),
                    "attempt": .integer(producer.attempt),
                    "task": .string(producer.task),
                    "task_version": .integer(producer.taskVersion),
                    "stage": producer.stage.map(JSONValue.string) ?? .null,
                ]
            } ?? .null
        members["inputs"] =
            job.map { job in
                [
                    "input": job.input,
                    "input_sha256": .string(
                        ContentHash.sha256Hex(
                            String(decoding: (try? job.input.canonicalData()) ?? Data(), as: UTF8.self))),
                    "job": .string("/v1/jobs/\(job.id.lowercasedString)"),
                    "files": .array(files.filter(\.isComplete).map(inputFileJSON)),
                ]
            } ?? .null
        return .object(members)
    }

    /// An input file of the producing job: its name, size, SHA-256 and stored bytes.
    private static func inputFileJSON(_ file: JobFile) -> JSONValue {
        [
            "name": .string(file.name),
            "size": file.size.map { .integer(Int($0)) } ?? .null,
            "sha256": file.sha256.map(JSONValue.string) ?? .null,
            "artifact": file.artifactID.map { .string("/v1/artifacts/\($0.lowercasedString)") } ?? .null,
        ]
    }
}
