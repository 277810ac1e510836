import Foundation

/// How the HTTP API listens and what it accepts.
public struct ServerConfiguration: Sendable {
    public var host: String
    /// 0 picks a free port (tests).
    public var port: Int
    /// The largest JSON request body accepted (`413 body_too_large` above it).
    public var maxBodyBytes: Int
    /// The most jobs one `POST /v1/jobs:batch` may submit (`MAX_BATCH_SIZE`).
    public var maxBatchSize: Int
    /// Whether requests need an API token; see ``Authentication/decide(host:activeTokens:)``.
    public var authentication: Authentication
    /// How many jobs one principal may submit a minute (`TASKS_PER_MINUTE`); `nil` for no limit.
    public var tasksPerMinute: Int?
    /// The cap on every task's timeout that the workers apply (`TASK_MAX_RUNTIME_SECONDS`), shown
    /// by `GET /v1/limits`; `nil` for none.
    public var maxRuntime: Duration?
    /// The largest artifact accepted, in bytes (`TASK_MAX_ARTIFACT_MB`; `413 artifact_size_exceeded` above it).
    public var maxArtifactBytes: Int64
    /// The largest dataset accepted, in bytes (`TASK_MAX_DATASET_MB`; `413 body_too_large` above it).
    public var maxDatasetBytes: Int64
    /// Where an uploaded dataset is written while it is read once for its profile, before it is stored.
    public var scratchDirectory: URL
    /// How long the presigned link that `GET /v1/artifacts/{id}` redirects to stays valid (S3 storage).
    public var artifactLinkExpiry: Duration
    /// How `GET /v1/jobs/{id}/events` streams to clients that accept `text/event-stream`.
    public var eventStream: EventStreamSettings

    public init(
        host: String = "127.0.0.1", port: Int = 8080, maxBodyBytes: Int = 1 << 20, maxBatchSize: Int = 100,
        authentication: Authentication = .off, tasksPerMinute: Int? = nil, maxRuntime: Duration? = nil,
        maxArtifactBytes: Int64 = 25 << 20, artifactLinkExpiry: Duration = .seconds(900),
        eventStream: EventStreamSettings = EventStreamSettings(), maxDatasetBytes: Int64 = 10 << 30,
        scratchDirectory: URL = FileManager.default.temporaryDirectory
    ) {
        self.host = host
        self.port = port
        self.maxBodyBytes = maxBodyBytes
        self.maxBatchSize = maxBatchSize
        self.authentication = authentication
        self.tasksPerMinute = tasksPerMinute
        self.maxRuntime = maxRuntime
        self.maxArtifactBytes = maxArtifactBytes
        self.artifactLinkExpiry = artifactLinkExpiry
        self.eventStream = eventStream
        self.maxDatasetBytes = maxDatasetBytes
        self.scratchDirectory = scratchDirectory
    }
}
