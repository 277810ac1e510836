import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import ServiceLifecycle
import TaskArtifacts
import TaskRuntime
import TaskServer
import TaskStoreSQLite

/// A real Taskforge server (HTTP on an ephemeral loopback port, in-process workers, SQLite in a
/// temporary directory) serving `catalog` and its OpenAPI document for the duration of `body`.
public struct TestServer: APIEndpoint {
    public let baseURL: String
    public let store: any JobStore
    /// Where the server keeps artifacts.
    public let artifacts: any ArtifactStore
    /// The tus upload server's staging, when it serves uploads.
    public let uploads: UploadStaging?
    /// The server's and its worker's metrics (`GET /metrics`), apart from every other server's.
    public let metrics: MetricsExporter

    /// Runs `body` against a fresh server whose worker serves every queue of `catalog` with `slots`
    /// concurrent jobs each, claiming ahead by `prefetchHorizon`. Artifacts go to `artifacts`, or to files in the server's temporary directory.
    /// With `uploads`, the server serves tus uploads at `/v1/uploads/`; with `waitingExpiry` instead,
    /// it serves the uploads of jobs' files (``JobFileUploads``), staged in its temporary directory.
    /// The server and its worker log to `logger` (by default: warnings and worse, to standard error).
    /// `profiles` are the application's routes served beside the generated ones, `routeSets` further
    /// routes (the dashboard). With `jobStore` (a
    /// PostgreSQL store, say), jobs go there instead of a fresh SQLite file; the caller closes it.
    public static func with<T>(
        catalog: TaskCatalog, openAPIDocument: String, maxRuntime: Duration? = nil, maxBodyBytes: Int = 1 << 20,
        maxBatchSize: Int = 100, slots: Int = 4, prefetchHorizon: Duration = .milliseconds(100),
        authentication: Authentication = .off, tasksPerMinute: Int? = nil,
        artifacts: (any ArtifactStore)? = nil, maxArtifactBytes: Int64 = 25 << 20, uploads: UploadStaging? = nil,
        waitingExpiry: Duration? = nil, eventStream: EventStreamSettings = EventStreamSettings(), logger: Logger? = nil,
        profiles: [any RouteProfile] = [], routeSets: [any RouteSet] = [], jobStore: (any JobStore)? = nil,
        _ body: (TestServer) async throws -> T
    ) async throws -> T {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("taskforge-e2e-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let logger =
            logger
            ?? {
                var logger = Logger(label: "test")
                logger.logLevel = .warning
                return logger
            }()
        let metrics = MetricsExporter()
        let sqlite: SQLiteJobStore? =
            jobStore == nil
            ? try await SQLiteJobStore.open(path: directory.appendingPathComponent("jobs.sqlite").path, logger: logger)
            : nil
        guard let store: any JobStore = jobStore ?? sqlite else { throw TestFailure("no job store") }
        try await store.declareSearchFields(catalog.searchFields)
        let artifacts = artifacts ?? LocalArtifactStore(root: directory.appendingPathComponent("artifacts").path)
        let recorder = ArtifactRecorder(store: artifacts, jobs: store, maxBytes: maxArtifactBytes)
        let uploads =
            uploads
            ?? waitingExpiry.map { expiry in
                UploadStaging(
                    directory: directory.appendingPathComponent("uploads"),
                    lifecycle: UploadPurposes(
                        jobFiles: JobFileUploads(
                            catalog: catalog, store: store, recorder: recorder, waitingExpiry: expiry),
                        datasets: DatasetUploads(recorder: recorder)))
            }
        let worker = Worker(
            store: store, catalog: catalog,
            configuration: WorkerConfiguration(
                queues: Dictionary(uniqueKeysWithValues: catalog.queues.map { ($0, slots) }),
                prefetchHorizon: prefetchHorizon, maxRuntime: maxRuntime),
            artifacts: recorder,
            inputFiles: InputFileFetcher(jobs: store, store: artifacts), logger: logger,
            metrics: TaskMetrics(factory: metrics.factory))
        let api = TaskAPI(
            catalog: catalog, store: store,
            configuration: ServerConfiguration(
                host: "127.0.0.1", port: 0, maxBodyBytes: maxBodyBytes, maxBatchSize: maxBatchSize,
                authentication: authentication, tasksPerMinute: tasksPerMinute, maxRuntime: maxRuntime,
                maxArtifactBytes: maxArtifactBytes, eventStream: eventStream),
            artifacts: artifacts, openAPIDocument: openAPIDocument, uploads: uploads, metrics: metrics,
            profiles: profiles, routeSets: routeSets)
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let app = api.application(services: [worker], logger: logger) { port in portContinuation.yield(port) }
        let group = ServiceGroup(services: [app], logger: logger)
        let running = Task { try await group.run() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw TestFailure("the server did not start") }
        let server = TestServer(
            baseURL: "http://127.0.0.1:\(port)", store: store, artifacts: artifacts, uploads: uploads, metrics: metrics)
        do {
            let result = try await body(server)
            await group.triggerGracefulShutdown()
            try await running.value
            try await sqlite?.close()
            return result
        } catch {
            await group.triggerGracefulShutdown()
            _ = try? await running.value
            try? await sqlite?.close()
            throw error
        }
    }
}

public struct TestFailure: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
