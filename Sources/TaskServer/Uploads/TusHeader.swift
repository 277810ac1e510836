import HTTPTypes

/// The header fields of tus 1.0.0 and the values this server announces.
enum TusHeader {
    static let resumable = HTTPField.Name("Tus-Resumable")!
    static let version = HTTPField.Name("Tus-Version")!
    static let extensions = HTTPField.Name("Tus-Extension")!
    static let maxSize = HTTPField.Name("Tus-Max-Size")!
    static let checksumAlgorithm = HTTPField.Name("Tus-Checksum-Algorithm")!
    static let uploadOffset = HTTPField.Name("Upload-Offset")!
    static let uploadLength = HTTPField.Name("Upload-Length")!
    static let uploadDeferLength = HTTPField.Name("Upload-Defer-Length")!
    static let uploadMetadata = HTTPField.Name("Upload-Metadata")!
    static let uploadExpires = HTTPField.Name("Upload-Expires")!
    static let uploadChecksum = HTTPField.Name("Upload-Checksum")!

    /// The only protocol version served.
    static let supportedVersion = "1.0.0"
    static let offeredExtensions = "creation,creation-with-upload,termination,expiration,checksum"
    /// The content type of every chunk (`PATCH`, and `POST` with creation-with-upload).
    static let chunkContentType = "application/offset+octet-stream"
}
