import Foundation
import HTTPTypes
import TaskRuntime

/// The record of one upload, kept beside its bytes as `<id>.json`.
struct UploadInfo: Codable, Sendable {
    enum State: String, Codable, Sendable {
        /// Bytes are still arriving.
        case receiving
        /// Every byte arrived; ``UploadLifecycle/complete(_:file:)`` has not yet returned.
        case complete
        /// The lifecycle took the bytes and they left the staging directory; the record stays,
        /// so a `HEAD` still answers the final offset, until the upload expires.
        case delivered
        /// The lifecycle refused the bytes for good (``UploadRefused``: a dataset that cannot be
        /// read); they left the staging directory, and every later `PATCH` or `HEAD` answers
        /// ``refusal`` without reading anything again, until the upload expires.
        case refused
    }

    var upload: StagedUpload
    /// `Upload-Metadata` exactly as the client sent it, answered by `HEAD`.
    var metadataHeader: String?
    var state: State
    /// Why the lifecycle refused the bytes (state ``State/refused``).
    var refusal: Refusal?

    /// A refusal's problem, kept in the record.
    struct Refusal: Codable, Sendable {
        var status: Int
        var reasonPhrase: String
        var code: ErrorCode
        var detail: String
        var extensions: [String: JSONValue]

        init(_ problem: Problem) {
            status = problem.status.code
            reasonPhrase = problem.status.reasonPhrase
            code = problem.code
            detail = problem.detail
            extensions = problem.extensions
        }

        var problem: Problem {
            Problem(HTTPResponse.Status(code: status, reasonPhrase: reasonPhrase), code, detail, extensions: extensions)
        }
    }

    /// Whether the lifecycle is done with the upload: it took the bytes or refused them for good.
    var isSettled: Bool { state == .delivered || state == .refused }

    /// Whether `now` is past the grant's expiry.
    func isExpired(at now: Date) -> Bool {
        now >= upload.grant.expiresAt
    }
}
