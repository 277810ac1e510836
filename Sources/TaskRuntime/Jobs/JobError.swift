/// The structured error of a failed job or attempt.
public struct JobError: Sendable, Hashable, Codable {
    public var code: ErrorCode
    public var message: String
    /// Whether the failure was transient (retrying may succeed).
    public var retryable: Bool
    public var details: JSONValue?

    public init(code: ErrorCode, message: String, retryable: Bool, details: JSONValue? = nil) {
        self.code = code
        self.message = message
        self.retryable = retryable
        self.details = details
    }
}

extension JobError {
    /// The error recorded on a job cancelled at a client's request.
    public static let cancelledByRequest = JobError(
        code: .cancelled, message: "the job was cancelled on request", retryable: false)

    /// The error recorded on a running job whose worker stopped renewing its lease.
    public static let workerLost = JobError(
        code: .workerLost, message: "the worker running this job stopped renewing its lease", retryable: true)

    /// The error as the canonical JSON text the stores keep in their `error` columns.
    public func canonicalJSON() throws -> String {
        try JSONValue(encoding: self).canonicalString()
    }
}
