import Foundation
import NIOCore

/// Where artifact bytes live: the seam between Taskforge and a storage backend (local files under
/// the data directory, or S3-compatible object storage). Keys are relative, `/`-separated and
/// checked by ``StorageKey``; they are built from artifact ids, never from names or request values.
///
/// Every method streams: no implementation holds a whole object in memory.
public protocol ArtifactStore: Sendable {
    /// Stores the bytes of `body` as object `key`. The object appears only once `body` has ended
    /// and every byte is stored: when `body` throws (a size limit, a dropped connection) or storing
    /// fails, nothing of it is left behind and the error is rethrown.
    func put<Body: AsyncSequence>(key: String, contentType: String, body: Body) async throws
    where Body.Element == ByteBuffer

    /// Streams object `key` to `consume`, chunk by chunk, in order.
    func read(key: String, into consume: (ByteBuffer) async throws -> Void) async throws

    /// Deletes object `key`; deleting a missing object succeeds.
    func delete(key: String) async throws

    /// A URL from which anyone may `GET` object `key` without credentials until `expiresIn` has
    /// passed, or `nil` when the store cannot hand out links (local files are served by the API).
    func temporaryURL(key: String, expiresIn: Duration) throws -> URL?
}

/// The artifact store refused or failed an operation (a file system error, an S3 error response,
/// an unreachable endpoint). `description` says which, without credentials.
public struct ArtifactStorageError: Error, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}

/// An artifact's bytes went past the size limit while streaming; nothing of it was kept.
public struct ArtifactTooLarge: Error, CustomStringConvertible {
    /// The limit, in bytes.
    public var limit: Int64

    public var description: String { "the artifact is larger than the limit of \(limit) bytes" }
}
