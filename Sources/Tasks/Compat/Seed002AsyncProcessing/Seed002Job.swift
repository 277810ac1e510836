import Foundation
import Hummingbird
import TaskRuntime
import TaskServer

/// A dataset job as seed 002 shows it: `status` one of `pending | running | completed | failed |
/// cancelled`, its type and params, the result's URI once it succeeded, and its events from the
/// job's event log.
struct Seed002Job {
    let job: Job
    let operations: TaskOperations

    var type: String {
        Seed002Submission.types.first { $0.value == job.task }?.key ?? job.task
    }

    var status: String {
        switch job.state {
        case .waiting, .pending: "pending"
        case .running: "running"
        case .succeeded: "completed"
        case .failed, .quarantined: "failed"
        case .cancelled: "cancelled"
        }
    }

    var json: JSONValue {
        get async throws {
            var params = job.input.objectValue ?? [:]
            let datasetID = params.removeValue(forKey: "dataset") ?? .null
            let events = try await operations.events(of: job)
            return [
                "id": .string(job.id.lowercasedString),
                "dataset_id": datasetID,
                "type": .string(type),
                "status": .string(status),
                "params": .object(params),
                "progress": JSONValue(number: job.progress),
                "result": job.output ?? .null,
                "result_uri": try await resultURI(),
                "error": job.error.map {
                    [
                        "code": .string($0.code.rawValue), "message": .string($0.message),
                        "retryable": .bool($0.retryable),
                    ]
                } ?? .null,
                // The job's event log, oldest first: each state change, stage and attempt.
                "events": .array(events.map(\.json)),
                "created_at": CompatSupport.timestamp(job.createdAt),
                "started_at": CompatSupport.timestamp(job.startedAt),
                "finished_at": CompatSupport.timestamp(job.finishedAt),
            ]
        }
    }

    /// `GET /jobs/{job_id}/result`: the result's URI once the job completed; `409 result_not_ready` before.
    func result(_ request: Request) async throws -> JSONValue {
        guard job.state == .succeeded else {
            throw Problem(
                .conflict, .resultNotReady, "the job is '\(status)'; its result exists once it is 'completed'",
                extensions: ["status": .string(status)])
        }
        var uri = try await resultURI()
        if case .string(let path) = uri, path.hasPrefix("/") { uri = .string(CompatSupport.absoluteURL(path, request)) }
        return ["job_id": .string(job.id.lowercasedString), "status": .string(status), "result_uri": uri]
    }

    /// The link to the result: the report (metrics), the new dataset's bytes (normalization) or the
    /// flagged rows (anomaly detection); presigned when artifacts live in S3, else the API's path.
    private func resultURI() async throws -> JSONValue {
        guard job.state == .succeeded, let output = job.output else { return .null }
        let key =
            switch job.task {
            case "dataset_metrics": "report"
            case "dataset_normalize": "dataset"
            default: "flagged"
            }
        guard let id = output[key]?.stringValue else { return .null }
        // The job's own output, so whoever sees the job may read it.
        guard let uuid = UUID(uuidString: id), let artifact = try await operations.store.artifact(id: uuid) else {
            return .null
        }
        if let link = try await operations.temporaryLink(to: artifact) { return .string(link.absoluteString) }
        return .string(job.task == "dataset_normalize" ? "/v1/datasets/\(id)/content" : "/v1/artifacts/\(id)")
    }
}
