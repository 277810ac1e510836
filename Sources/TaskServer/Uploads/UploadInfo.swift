import Foundation

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
    }

    var upload: StagedUpload
    /// `Upload-Metadata` exactly as the client sent it, answered by `HEAD`.
    var metadataHeader: String?
    var state: State

    /// Whether `now` is past the grant's expiry.
    func isExpired(at now: Date) -> Bool {
        now >= upload.grant.expiresAt
    }
}
