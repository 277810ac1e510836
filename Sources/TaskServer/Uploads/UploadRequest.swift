/// An upload a client asks to create: its announced length and its parsed `Upload-Metadata`.
public struct UploadRequest: Sendable {
    /// `Upload-Length`: the total number of bytes the client will send.
    public var length: Int64
    /// `Upload-Metadata`, decoded (values from base64, as UTF-8). `POST /v1/jobs/{id}/files/{name}`
    /// adds `job_id` and `file` from its path.
    public var metadata: [String: String]

    public init(length: Int64, metadata: [String: String]) {
        self.length = length
        self.metadata = metadata
    }
}
