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
