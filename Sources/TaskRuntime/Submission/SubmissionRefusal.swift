import TaskSchema

/// Why a task refused a submission that its schema accepted, before anything was queued: a
/// parameter breaks a limit or an allowlist of this deployment, or the service the task needs is not
/// configured in the serving process. Thrown by the checks a ``TaskSetup`` installs; the HTTP API
/// answers ``invalidParameters(_:)`` with `422` and ``unavailable(_:_:)`` with `503`.
public struct SubmissionRefusal: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// The parameters are valid JSON for the schema but not accepted here (`422`).
        case invalidParameters
        /// The task cannot run in this deployment now (`503`).
        case unavailable
    }

    public var kind: Kind
    public var code: ErrorCode
    public var message: String
    /// The offending places, by JSON pointer; empty for ``Kind/unavailable``.
    public var violations: [Violation]

    /// `422 task_rejected_invalid_params`: `violations` name each refused parameter by JSON pointer.
    public static func invalidParameters(_ violations: [Violation]) -> SubmissionRefusal {
        SubmissionRefusal(
            kind: .invalidParameters, code: .taskRejectedInvalidParams,
            message: violations.map { "\($0.pointer): \($0.message)" }.joined(separator: "; "), violations: violations)
    }

    /// `503` with `code`: the task cannot be served by this process (a provider without credentials).
    public static func unavailable(_ code: ErrorCode, _ message: String) -> SubmissionRefusal {
        SubmissionRefusal(kind: .unavailable, code: code, message: message, violations: [])
    }

    public var description: String { "\(code): \(message)" }
}
