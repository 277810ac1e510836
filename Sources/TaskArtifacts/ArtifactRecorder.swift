import Foundation
import NIOCore
import NIOFileSystem
import TaskRuntime

/// Stores artifacts: streams the bytes into an ``ArtifactStore`` under a key made from a fresh id,
/// counting and hashing them on the way and stopping at the size limit, then records the artifact's
/// metadata and lineage in the job store. The HTTP API and the workers' handlers both write
/// through it.
public struct ArtifactRecorder: ArtifactSink {
    public let store: any ArtifactStore
    public let jobs: any JobStore
    /// The largest artifact accepted, in bytes (`TASK_MAX_ARTIFACT_MB`).
    public let maxBytes: Int64

    public init(store: any ArtifactStore, jobs: any JobStore, maxBytes: Int64) {
        self.store = store
        self.jobs = jobs
        self.maxBytes = maxBytes
    }

    /// Streams `body` into storage as artifact `name` of `producer` (none for an upload on its own).
    /// Throws ``ArtifactTooLarge`` past ``maxBytes`` and ``ArtifactStorageError`` when storing
    /// fails; either way nothing is kept.
    public func record<Body: AsyncSequence>(
        _ body: Body, name: String, contentType: String, producer: ArtifactProducer?
    ) async throws -> Artifact where Body.Element == ByteBuffer {
        let id = UUID()
        let key = Artifact.storageKey(for: id)
        let meter = ByteMeter(limit: maxBytes)
        try await store.put(key: key, contentType: contentType, body: MeteredBody(base: body, meter: meter))
        let (size, sha256) = meter.result
        let artifact = Artifact(
            id: id, name: name, contentType: contentType, size: size, sha256: sha256, storageKey: key, createdAt: Date(),
            producer: producer)
        do {
            try await jobs.recordArtifact(artifact)
        } catch {
            try? await store.delete(key: key)
            throw error
        }
        return artifact
    }

    /// Stores `data`, which is in memory already, as artifact `name`; see ``record(_:name:contentType:producer:)``.
    public func record(_ data: Data, name: String, contentType: String, producer: ArtifactProducer?) async throws
        -> Artifact
    {
        try await record(ChunkSequence(chunks: [ByteBuffer(bytes: data)]), name: name, contentType: contentType, producer: producer)
    }

    /// Streams the local file at `url` into storage as artifact `name`; see ``record(_:name:contentType:producer:)``.
    /// Throws `FileSystemError` when the file cannot be read.
    public func recordFile(at url: URL, name: String, contentType: String, producer: ArtifactProducer?) async throws
        -> Artifact
    {
        try await FileSystem.shared.withFileHandle(forReadingAt: FilePath(url.path)) { handle in
            try await record(
                handle.readChunks(chunkLength: .kibibytes(256)), name: name, contentType: contentType, producer: producer)
        }
    }

    /// A handler's write: the file streamed, or the bytes, with store failures as ``TaskError``s
    /// (`artifact_size_exceeded` permanent, `artifact_storage_failed` transient).
    public func write(_ content: ArtifactContent, name: String, contentType: String, producer: ArtifactProducer)
        async throws -> Artifact
    {
        do {
            switch content {
            case .bytes(let data):
                return try await record(data, name: name, contentType: contentType, producer: producer)
            case .file(let url):
                return try await recordFile(at: url, name: name, contentType: contentType, producer: producer)
            }
        } catch let error as ArtifactTooLarge {
            throw TaskError.permanent(.artifactSizeExceeded, "artifact '\(name)': \(error)")
        } catch let error as ArtifactStorageError {
            throw TaskError.transient(.artifactStorageFailed, "artifact '\(name)': \(error)")
        } catch let error as FileSystemError {
            throw TaskError.permanent(.invalidArtifact, "artifact '\(name)': cannot read \(content): \(error.message)")
        }
    }
}

/// Chunks already in memory, as an async sequence.
struct ChunkSequence: AsyncSequence, Sendable {
    typealias Element = ByteBuffer
    let chunks: [ByteBuffer]

    struct AsyncIterator: AsyncIteratorProtocol {
        var chunks: IndexingIterator<[ByteBuffer]>

        mutating func next() async -> ByteBuffer? { chunks.next() }
    }

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(chunks: chunks.makeIterator())
    }
}
