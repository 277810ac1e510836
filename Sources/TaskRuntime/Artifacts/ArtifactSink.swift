import Foundation

/// Where a handler's ``JobArtifacts/write(name:contentType:from:)`` goes: stores the bytes and
/// records the artifact with its lineage in the job store. The worker's process implements it with
/// its artifact store; a handler process forwards each write to its worker.
public protocol ArtifactSink: Sendable {
    /// Stores `content` as an artifact named `name` written by `producer`, and returns it as recorded;
    /// with a `dataset` description, records it as a dataset too (same ID, owned by the job's owner).
    /// Throws ``TaskError`` `artifact_size_exceeded` above the size limit (nothing is kept then).
    func write(
        _ content: ArtifactContent, name: String, contentType: String, producer: ArtifactProducer,
        dataset: DatasetDescription?
    ) async throws -> Artifact
}

/// What a handler knows of a dataset it wrote: its format and profile (``Dataset``).
public struct DatasetDescription: Sendable, Hashable, Codable {
    /// `csv` or `jsonl`.
    public var format: String
    public var rowCount: Int
    /// The JSON form of the `Datasets` module's `DatasetProfile`: columns and preview.
    public var profile: JSONValue

    public init(format: String, rowCount: Int, profile: JSONValue) {
        self.format = format
        self.rowCount = rowCount
        self.profile = profile
    }
}

/// The bytes of an artifact a handler writes.
public enum ArtifactContent: Sendable, Hashable {
    /// A readable local file, streamed (never read whole into memory).
    case file(URL)
    /// Bytes the handler holds already.
    case bytes(Data)
}
