import Foundation

/// An upload as the staging directory records it.
public struct StagedUpload: Sendable, Codable, Hashable {
    /// 32 lowercase hex digits; the last segment of its URL, `/v1/uploads/<id>`.
    public var id: String
    /// `Upload-Length`.
    public var length: Int64
    /// `Upload-Metadata`, decoded.
    public var metadata: [String: String]
    public var grant: UploadGrant
    /// The token id of the principal that created it; `nil` without authentication.
    public var owner: String?
    public var createdAt: Date

    public init(
        id: String, length: Int64, metadata: [String: String], grant: UploadGrant, owner: String?, createdAt: Date
    ) {
        self.id = id
        self.length = length
        self.metadata = metadata
        self.grant = grant
        self.owner = owner
        self.createdAt = createdAt
    }
}
