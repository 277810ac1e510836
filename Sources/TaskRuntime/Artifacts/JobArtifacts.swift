import Foundation

/// `job.artifacts`: writes the files a handler produces as artifacts of its job, recorded with their
/// lineage (job, attempt, task version, size, SHA-256) and listed in the job's JSON.
public struct JobArtifacts: Sendable {
    private let producer: ArtifactProducer
    private let sink: (any ArtifactSink)?

    init(producer: ArtifactProducer, sink: (any ArtifactSink)?) {
        self.producer = producer
        self.sink = sink
    }

    /// Streams the file at `file` into artifact storage as `name` and returns the artifact.
    /// Throws ``TaskError`` `artifact_size_exceeded` (permanent) when it is larger than the limit.
    @discardableResult
    public func write(
        name: String, contentType: String = "application/octet-stream", from file: URL
    ) async throws
        -> Artifact
    {
        try await write(.file(file), name: name, contentType: contentType)
    }

    /// Stores `bytes` as artifact `name` and returns the artifact.
    @discardableResult
    public func write(
        name: String, contentType: String = "application/octet-stream", from bytes: Data
    ) async throws
        -> Artifact
    {
        try await write(.bytes(bytes), name: name, contentType: contentType)
    }

    /// Stores the file at `file` as a dataset written by this job: an artifact (returned; its ID is
    /// the dataset's) that is also listed under `/v1/datasets`, owned by the job's owner, so that it
    /// can feed the next job. `description` is its profile, which the handler that wrote the file
    /// knows (the `Datasets` module profiles a file in one pass).
    @discardableResult
    public func writeDataset(
        name: String, contentType: String, from file: URL, description: DatasetDescription
    ) async throws -> Artifact {
        try await write(.file(file), name: name, contentType: contentType, dataset: description)
    }

    /// Checks the name and hands `content` to the sink.
    func write(
        _ content: ArtifactContent, name: String, contentType: String, dataset: DatasetDescription? = nil
    ) async throws -> Artifact {
        if let problem = ArtifactName.problem(with: name) {
            throw TaskError.permanent(.invalidArtifact, "artifact name '\(name)' \(problem)")
        }
        guard let sink else {
            throw TaskError.permanent(.artifactStorageFailed, "this worker has no artifact store")
        }
        return try await sink.write(content, name: name, contentType: contentType, producer: producer, dataset: dataset)
    }

    /// Runs a write forwarded from a handler process and says how it ended.
    func answer(_ request: ArtifactWriteRequest) async -> HostRequest.ArtifactWritten {
        do {
            let artifact = try await write(
                .file(URL(fileURLWithPath: request.path)), name: request.name, contentType: request.contentType,
                dataset: request.dataset)
            return HostRequest.ArtifactWritten(id: request.id, artifact: artifact)
        } catch {
            return HostRequest.ArtifactWritten(id: request.id, error: TaskError(describing: error).jobError)
        }
    }
}
