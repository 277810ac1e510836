import Foundation
import TaskRuntime

/// The JSON form of a job, as every route that returns one shows it.
enum JobResource {
    /// The job; `catalog` tells the stages of a multi-stage task. `artifacts`, when given (the
    /// single-job view), are listed under `artifacts` with their links; `files`, when given (the
    /// single-job view of a task with file inputs, a new job), under `files`.
    static func json(
        _ job: Job, _ catalog: TaskCatalog, artifacts: [Artifact]? = nil, files: [JobFile]? = nil,
        datasets: [JobDataset]? = nil
    ) -> JSONValue {
        let path = "/v1/jobs/\(job.id.lowercasedString)"
        let definition = catalog.entry(named: job.task)?.definition
        let stages = definition?.stages ?? []
        var json: JSONValue = [
            "id": .string(job.id.lowercasedString),
            "task": .string(job.task),
            "version": .integer(job.version),
            "handler_version": job.handlerVersion.map(JSONValue.integer) ?? .null,
            "queue": .string(job.queue),
            "priority": .integer(job.priority),
            "state": .string(job.state.rawValue),
            "stage": stage(of: job, stages).map(JSONValue.string) ?? .null,
            "stages": stages.isEmpty ? .null : stagesJSON(job, stages),
            "progress": JSONValue(number: job.progress),
            "input": job.input,
            "output": job.output ?? .null,
            "error": job.error.map(errorJSON) ?? .null,
            "attempt": .integer(job.attempt),
            "max_attempts": .integer(job.maxAttempts),
            "crashes": .integer(job.crashes),
            "cancel_requested": .bool(job.cancelRequested),
            "created_at": timestamp(job.createdAt),
            "run_at": timestamp(job.runAt),
            "started_at": job.startedAt.map(timestamp) ?? .null,
            "finished_at": job.finishedAt.map(timestamp) ?? .null,
            "links": [
                "self": .string(path), "events": .string(path + "/events"), "cancel": .string(path + "/cancel"),
                "retry": .string(path + "/retry"),
            ],
        ]
        if case .object(var members) = json {
            if let artifacts { members["artifacts"] = .array(artifacts.map(ArtifactResource.json)) }
            if let datasets { members["datasets"] = .array(datasets.map(datasetJSON)) }
            if let files {
                members["files"] = filesJSON(job, files, declared: definition?.files ?? [])
                if case .object(var links)? = members["links"] {
                    links["start"] = .string(path + "/start")
                    members["links"] = .object(links)
                }
            }
            json = .object(members)
        }
        return json
    }

    /// A dataset the job reads, as it was at submit: the job's input lineage.
    static func datasetJSON(_ dataset: JobDataset) -> JSONValue {
        [
            "id": .string(dataset.id.lowercasedString),
            "name": .string(dataset.name),
            "size": .integer(Int(dataset.size)),
            "sha256": .string(dataset.sha256),
            "link": .string("/v1/datasets/\(dataset.id.lowercasedString)"),
        ]
    }

    /// A staged job's declared stage; otherwise what the handler last reported, if anything.
    private static func stage(of job: Job, _ stages: [Stage]) -> String? {
        stages.indices.contains(job.stageIndex) ? stages[job.stageIndex].name : job.stage
    }

    static func errorJSON(_ error: JobError) -> JSONValue {
        [
            "code": .string(error.code.rawValue),
            "message": .string(error.message),
            "retryable": .bool(error.retryable),
            "details": error.details ?? .null,
        ]
    }

    static func eventJSON(_ event: JobEvent) -> JSONValue {
        [
            "id": .integer(Int(event.sequence)),
            "at": timestamp(event.at),
            "state": .string(event.state.rawValue),
            "stage": event.stage.map(JSONValue.string) ?? .null,
            "progress": JSONValue(number: event.progress),
            "attempt": .integer(event.attempt),
            "error": event.error.map(errorJSON) ?? .null,
        ]
    }

    /// RFC 3339, UTC, with milliseconds: `2026-11-24T10:15:30.123Z`.
    static func timestamp(_ date: Date) -> JSONValue {
        .string(date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true)))
    }
}
