import Foundation
import TaskRuntime

/// A job as every route that returns one shows it: its ``JobBody`` (`TaskAPIModel`), the one type
/// the responses and the OpenAPI document's `Job` schema are both made from.
enum JobResource {
    /// The job; `catalog` tells the stages of a multi-stage task. `artifacts`, when given (the
    /// single-job view), are listed under `artifacts` with their links; `files`, when given (the
    /// single-job view of a task with file inputs, a new job), under `files`.
    static func body(
        _ job: Job, _ catalog: TaskCatalog, artifacts: [Artifact]? = nil, files: [JobFile]? = nil,
        datasets: [JobDataset]? = nil
    ) -> JobBody {
        let path = "/v1/jobs/\(job.id.lowercasedString)"
        let definition = catalog.entry(named: job.task)?.definition
        let stages = definition?.stages ?? []
        return JobBody(
            id: job.id.lowercasedString, task: job.task, version: job.version, handlerVersion: job.handlerVersion,
            queue: job.queue, priority: job.priority, state: job.state, stage: stage(of: job, stages),
            stages: stages.isEmpty ? nil : stageBodies(job, stages), progress: job.progress, input: job.input,
            output: job.output ?? .null, error: job.error.map(errorBody), attempt: job.attempt,
            maxAttempts: job.maxAttempts, crashes: job.crashes, cancelRequested: job.cancelRequested,
            createdAt: Timestamp(job.createdAt), runAt: Timestamp(job.runAt),
            startedAt: job.startedAt.map(Timestamp.init),
            finishedAt: job.finishedAt.map(Timestamp.init), links: JobLinks(path: path, startable: files != nil),
            artifacts: artifacts?.map { ArtifactJSON(ArtifactResource.json($0)) },
            files: files.map { fileBodies(job, $0, declared: definition?.files ?? []) },
            datasets: datasets?.map(datasetBody))
    }

    /// ``body(_:_:artifacts:files:datasets:)`` as JSON.
    static func json(
        _ job: Job, _ catalog: TaskCatalog, artifacts: [Artifact]? = nil, files: [JobFile]? = nil,
        datasets: [JobDataset]? = nil
    ) -> JSONValue {
        body(job, catalog, artifacts: artifacts, files: files, datasets: datasets).json
    }

    /// A dataset the job reads, as it was at submit: the job's input lineage.
    static func datasetBody(_ dataset: JobDataset) -> JobDatasetBody {
        JobDatasetBody(
            id: dataset.id.lowercasedString, name: dataset.name, size: Int(dataset.size), sha256: dataset.sha256,
            link: "/v1/datasets/\(dataset.id.lowercasedString)")
    }

    /// A staged job's declared stage; otherwise what the handler last reported, if anything.
    private static func stage(of job: Job, _ stages: [Stage]) -> String? {
        stages.indices.contains(job.stageIndex) ? stages[job.stageIndex].name : job.stage
    }

    static func errorBody(_ error: JobError) -> JobErrorBody {
        JobErrorBody(
            code: error.code.rawValue, message: error.message, retryable: error.retryable,
            details: error.details ?? .null)
    }

    static func eventBody(_ event: JobEvent) -> JobEventBody {
        JobEventBody(
            id: Int(event.sequence), at: Timestamp(event.at), state: event.state, stage: event.stage,
            progress: event.progress, attempt: event.attempt, error: event.error.map(errorBody))
    }

    static func eventJSON(_ event: JobEvent) -> JSONValue {
        eventBody(event).json
    }

    /// RFC 3339, UTC, with milliseconds: `2026-11-24T10:15:30.123Z`.
    static func timestamp(_ date: Date) -> JSONValue {
        .string(Timestamp.string(date))
    }
}
