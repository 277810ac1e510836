import Foundation
import HTTPTypes
import Hummingbird
import TaskRuntime

/// What a submit route answers: `202` with the new job, or `200` with the job a task declaring
/// `dedup` hands back instead (`deduplicated`: pending or running; `reused`: succeeded within the
/// reuse window). Kept as data so that an `Idempotency-Key` can store it and replay it.
struct SubmitAnswer {
    var status: HTTPResponse.Status
    var body: JSONValue
    var jobID: UUID

    /// The answer to `outcome`; `catalog` describes the job's task (its stages). `submitted` is the
    /// job as it was inserted: its files, announced optional ones awaited, are what a new job lists.
    init(_ outcome: DedupOutcome, submitted: NewJob, catalog: TaskCatalog) {
        switch outcome {
        case .created(let job):
            let files = submitted.files.isEmpty ? nil : JobFile.declared(for: job, submitted.files)
            self.init(status: .accepted, body: JobResource.json(job, catalog, files: files), jobID: job.id)
        case .deduplicated(let job):
            self.init(existing: job, deduplicated: true, catalog: catalog)
        case .reused(let job):
            self.init(existing: job, deduplicated: false, catalog: catalog)
        }
    }

    private init(status: HTTPResponse.Status, body: JSONValue, jobID: UUID) {
        self.status = status
        self.body = body
        self.jobID = jobID
    }

    private init(existing job: Job, deduplicated: Bool, catalog: TaskCatalog) {
        let body = ExistingJobBody(job: JobResource.body(job, catalog), deduplicated: deduplicated)
        self.init(status: .ok, body: body.json, jobID: job.id)
    }

    var response: Response {
        Response.json(body, status: status, headers: Self.location(of: jobID))
    }

    static func location(of jobID: UUID) -> HTTPFields {
        [.location: "/v1/jobs/\(jobID.lowercasedString)"]
    }
}
