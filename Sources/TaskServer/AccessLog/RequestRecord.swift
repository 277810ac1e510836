import Hummingbird
import Synchronization
import TaskRuntime

/// What the routes learn about a request that its access log line reports: the principal's token
/// id, the job it submitted or addressed, and the error code it was refused with. One instance is shared by every copy of the request's
/// ``TaskRequestContext``, so the access log (outside the routes) sees what the routes recorded.
public final class RequestRecord: Sendable {
    private struct Fields {
        var tokenID: String?
        var job: (id: String, task: String, version: Int)?
        var refusal: String?
    }

    private let fields = Mutex(Fields())

    init() {}

    /// The id of the API token that made the request (never its secret).
    var tokenID: String? {
        get { fields.withLock { $0.tokenID } }
        set { fields.withLock { $0.tokenID = newValue } }
    }

    /// The stable error code of the problem the request was answered with.
    var refusal: String? {
        get { fields.withLock { $0.refusal } }
        set { fields.withLock { $0.refusal = newValue } }
    }

    /// Records the job the request addressed.
    func record(_ job: Job) {
        fields.withLock { $0.job = (job.id.lowercasedString, job.task, job.version) }
    }

    /// Records the job a submit answered with: the one its `Location` names (new, deduplicated or
    /// replayed for an `Idempotency-Key`).
    func record(submission response: Response, task: String, version: Int) {
        guard let location = response.headers[.location], location.hasPrefix("/v1/jobs/") else { return }
        let id = String(location.dropFirst("/v1/jobs/".count))
        fields.withLock { $0.job = (id, task, version) }
    }

    /// The recorded fields as log metadata: `tokenId`, `jobId`, `taskName`, `taskVersion`, `code`
    /// (those known).
    var metadata: [String: String] {
        fields.withLock { fields in
            var metadata: [String: String] = [:]
            if let tokenID = fields.tokenID { metadata["tokenId"] = tokenID }
            if let refusal = fields.refusal { metadata["code"] = refusal }
            if let job = fields.job {
                metadata["jobId"] = job.id
                metadata["taskName"] = job.task
                metadata["taskVersion"] = String(job.version)
            }
            return metadata
        }
    }
}
