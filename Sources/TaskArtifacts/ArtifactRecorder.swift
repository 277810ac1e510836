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
    /// The largest dataset accepted, in bytes (`TASK_MAX_DATASET_MB`): datasets are tables of any size.
    public let maxDatasetBytes: Int64

    public init(store: any ArtifactStore, jobs: any JobStore, maxBytes: Int64, maxDatasetBytes: Int64 = 10 << 30) {
        self.store = store
        self.jobs = jobs
        self.maxBytes = maxBytes
        self.maxDatasetBytes = maxDatasetBytes
    }

    /// Streams `body` into storage as artifact `name` of `producer` (none for an upload on its own).
    /// Throws ``ArtifactTooLarge`` past ``maxBytes`` and ``ArtifactStorageError`` when storing
    /// fails; either way nothing is kept.
    public func record<Body: AsyncSequence>(
        _ body: Body, name: String, contentType: String, producer: ArtifactProducer?
    ) async throws -> Artifact where Body.Element == ByteBuffer {
        try await record(body, id: UUID(), name: name, contentType: contentType, producer: producer, limit: maxBytes) {
            artifact in
            try await jobs.recordArtifact(artifact)
        }
    }

    /// Streams the local file at `url` into storage and records it as dataset `id` owned by `owner`,
    /// with the profile `description` read from that same file. Throws as
    /// ``record(_:name:contentType:producer:)`` does; nothing is kept then.
    public func recordDataset(
        at url: URL, name: String, contentType: String, owner: String?, description: DatasetDescription,
        producer: ArtifactProducer?, id: UUID = UUID()
    ) async throws -> Dataset {
        try await FileSystem.shared.withFileHandle(forReadingAt: FilePath(url.path)) { handle in
            var dataset: Dataset?
            _ = try await record(
                handle.readChunks(chunkLength: .kibibytes(256)), id: id, name: name, contentType: contentType,
                producer: producer, limit: maxDatasetBytes
            ) { artifact in
                let record = Dataset(
                    artifact: artifact, owner: owner, format: description.format, rowCount: description.rowCount,
                    profile: description.profile)
                try await jobs.recordDataset(record)
                dataset = record
            }
            guard let dataset else { preconditionFailure("a recorded dataset was not described") }
            return dataset
        }
    }

    /// Stores the bytes under a fresh id, up to `limit`, then runs `recordMetadata` with the artifact;
    /// when either fails the bytes are deleted.
    private func record<Body: AsyncSequence>(
        _ body: Body, id: UUID, name: String, contentType: String, producer: ArtifactProducer?, limit: Int64,
        recordMetadata: (Artifact) async throws -> Void
    ) async throws -> Artifact where Body.Element == ByteBuffer {
        let key = Artifact.storageKey(for: id)
        let meter = ByteMeter(limit: limit)
        try await store.put(key: key, contentType: contentType, body: MeteredBody(base: body, meter: meter))
        let (size, sha256) = meter.result
        let artifact = Artifact(
            id: id, name: name, contentType: contentType, size: size, sha256: sha256, storageKey: key,
            createdAt: Date(),
            producer: producer)
        do {
            try await recordMetadata(artifact)
        } catch {
            try? await store.delete(key: key)
            throw error
        }
        return artifact
    }

    /// Stores `data`, which is in memory already, as artifact `name`; see ``record(_:name:contentType:producer:)``.
    public func record(
        _ data: Data, name: String, contentType: String, producer: ArtifactProducer?
    ) async throws
        -> Artifact
    {
        try await record(
            ChunkSequence(chunks: [ByteBuffer(bytes: data)]), name: name, contentType: contentType, producer: producer)
    }

    /// Streams the local file at `url` into storage as artifact `name`; see ``record(_:name:contentType:producer:)``.
    /// Throws `FileSystemError` when the file cannot be read.
    public func recordFile(
        at url: URL, name: String, contentType: String, producer: ArtifactProducer?
    ) async throws
        -> Artifact
    {
        try await FileSystem.shared.withFileHandle(forReadingAt: FilePath(url.path)) { handle in
            try await record(
                handle.readChunks(chunkLength: .kibibytes(256)), name: name, contentType: contentType,
                producer: producer)
        }
    }

    /// A handler's write: the file streamed, or the bytes, with store failures as ``TaskError``s
    /// (`artifact_size_exceeded` permanent, `artifact_storage_failed` transient).
    public func write(
        _ content: ArtifactContent, name: String, contentType: String, producer: ArtifactProducer,
        dataset: DatasetDescription?
    ) async throws -> Artifact {
        do {
            switch (content, dataset) {
            case (.file(let url), let description?):
                // The job's owner owns what it wrote.
                let owner = try await jobs.job(id: producer.jobID)?.owner
                return try await recordDataset(
                    at: url, name: name, contentType: contentType, owner: owner, description: description,
                    producer: producer
                ).artifact
            case (.bytes(let data), _):
                guard dataset == nil else {
                    throw TaskError.permanent(.invalidArtifact, "dataset '\(name)': a dataset is written from a file")
                }
                return try await record(data, name: name, contentType: contentType, producer: producer)
            case (.file(let url), nil):
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
