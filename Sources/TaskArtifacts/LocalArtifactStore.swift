import Foundation
import NIOCore
import NIOFileSystem

/// Artifacts as files under a root directory (by default `<data dir>/artifacts`), the embedded
/// default. A file is written under a temporary name and appears at its key only when complete.
public struct LocalArtifactStore: ArtifactStore {
    /// The directory that holds every object.
    public let root: FilePath

    public init(root: String) {
        self.root = FilePath(root)
    }

    public func put<Body: AsyncSequence>(key: String, contentType: String, body: Body) async throws
    where Body.Element == ByteBuffer {
        let path = try self.path(for: key)
        try await storageFailures {
            try await FileSystem.shared.createDirectory(
                at: path.removingLastComponent(), withIntermediateDirectories: true, permissions: nil)
            // A new file is created under a hidden name and linked at `path` only when the closure
            // returns; when it throws, the file is discarded.
            try await FileSystem.shared.withFileHandle(forWritingAt: path, options: .newFile(replaceExisting: true)) {
                handle in
                var writer = handle.bufferedWriter()
                for try await chunk in body {
                    try await writer.write(contentsOf: chunk)
                }
                try await writer.flush()
            }
        }
    }

    public func read(key: String, into consume: (ByteBuffer) async throws -> Void) async throws {
        let path = try self.path(for: key)
        try await storageFailures {
            try await FileSystem.shared.withFileHandle(forReadingAt: path) { handle in
                for try await chunk in handle.readChunks(chunkLength: .kibibytes(256)) {
                    try await consume(chunk)
                }
            }
        }
    }

    public func delete(key: String) async throws {
        let path = try self.path(for: key)
        try await storageFailures {
            _ = try await FileSystem.shared.removeItem(at: path, recursively: false)
        }
    }

    public func temporaryURL(key: String, expiresIn: Duration) throws -> URL? {
        nil
    }

    /// The file of `key`, after checking the key's grammar (so it cannot leave `root`).
    func path(for key: String) throws -> FilePath {
        try StorageKey.check(key)
        let path = root.appending(key).lexicallyNormalized()
        guard path.starts(with: root.lexicallyNormalized()) else {
            throw ArtifactStorageError("refused the storage key '\(key)'")
        }
        return path
    }

    /// Runs `body`, reporting file system errors as ``ArtifactStorageError``.
    private func storageFailures<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as FileSystemError {
            throw ArtifactStorageError("local artifact storage: \(error.message) (\(error.code))")
        }
    }
}
