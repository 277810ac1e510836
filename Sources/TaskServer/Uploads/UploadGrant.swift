import Foundation

/// What ``UploadLifecycle/admit(_:principal:)`` allows an upload.
public struct UploadGrant: Sendable, Codable, Hashable {
    /// The most bytes the upload may have; a larger `Upload-Length` is refused with `413 upload_too_large`.
    public var maxBytes: Int64
    /// When the upload expires unless it completed (`Upload-Expires`).
    public var expiresAt: Date
    /// What the lifecycle needs back later (job id, file name).
    public var tags: [String: String]

    public init(maxBytes: Int64, expiresAt: Date, tags: [String: String] = [:]) {
        self.maxBytes = maxBytes
        self.expiresAt = expiresAt
        self.tags = tags
    }
}
