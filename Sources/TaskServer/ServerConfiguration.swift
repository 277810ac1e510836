/// How the HTTP API listens and what it accepts.
public struct ServerConfiguration: Sendable {
    public var host: String
    /// 0 picks a free port (tests).
    public var port: Int
    /// The largest JSON request body accepted (`413 body_too_large` above it).
    public var maxBodyBytes: Int
    /// The most jobs one `POST /v1/jobs:batch` may submit (`MAX_BATCH_SIZE`).
    public var maxBatchSize: Int
    /// The largest artifact accepted, in bytes (`TASK_MAX_ARTIFACT_MB`; `413 artifact_size_exceeded` above it).
    public var maxArtifactBytes: Int64
    /// How long the presigned link that `GET /v1/artifacts/{id}` redirects to stays valid (S3 storage).
    public var artifactLinkExpiry: Duration

    public init(
        host: String = "127.0.0.1", port: Int = 8080, maxBodyBytes: Int = 1 << 20, maxBatchSize: Int = 100,
        maxArtifactBytes: Int64 = 25 << 20, artifactLinkExpiry: Duration = .seconds(900)
    ) {
        self.host = host
        self.port = port
        self.maxBodyBytes = maxBodyBytes
        self.maxBatchSize = maxBatchSize
        self.maxArtifactBytes = maxArtifactBytes
        self.artifactLinkExpiry = artifactLinkExpiry
    }
}
