/// The error a handler throws to say how its job failed.
///
/// Transient errors are retried with backoff while attempts remain; permanent errors fail the job
/// at once. Any other error a handler throws is treated as transient under code `task_failed`.
public struct TaskError: Error, Sendable, Hashable, CustomStringConvertible {
    public var code: ErrorCode
    public var message: String
    public var isTransient: Bool
    public var details: JSONValue?
    /// For a transient error: the earliest time after which a retry may succeed, from now (an
    /// upstream's `Retry-After`). The retry waits at least this long, or the backoff if that is longer.
    public var retryAfter: Duration?

    public init(
        code: ErrorCode, message: String, isTransient: Bool, details: JSONValue? = nil, retryAfter: Duration? = nil
    ) {
        self.code = code
        self.message = message
        self.isTransient = isTransient
        self.details = details
        self.retryAfter = retryAfter
    }

    /// A failure that retrying will not fix (bad input, a rejected request).
    public static func permanent(_ code: ErrorCode, _ message: String, details: JSONValue? = nil) -> TaskError {
        TaskError(code: code, message: message, isTransient: false, details: details)
    }

    /// A failure that may pass (a timeout, an unavailable upstream); `retryAfter`, when known, is the
    /// least time to wait before the next attempt.
    public static func transient(
        _ code: ErrorCode, _ message: String, details: JSONValue? = nil, retryAfter: Duration? = nil
    ) -> TaskError {
        TaskError(code: code, message: message, isTransient: true, details: details, retryAfter: retryAfter)
    }

    public var description: String { "\(code): \(message)" }

    /// `error` itself when it is a `TaskError`; any other error a handler throws counts as transient,
    /// under code `task_failed`.
    public init(describing error: any Error) {
        self = error as? TaskError ?? .transient(.taskFailed, String(describing: error))
    }

    /// This error as stored on the job.
    public var jobError: JobError {
        JobError(code: code, message: message, retryable: isTransient, details: details)
    }
}
