import AsyncHTTPClient
import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import NIOCore
import ServiceLifecycle
import TaskArtifacts
import TaskRuntime
import TaskServer
import TaskStoreSQLite

/// A real Taskforge server (its router and in-process workers, SQLite in a temporary directory)
/// serving `catalog` and its OpenAPI document for the duration of `body`: in memory, its requests
/// handed to the router by Hummingbird's testing framework (`app.test(.router)`), or on an
/// ephemeral loopback port for what needs HTTP itself (``Transport``).
public struct TestServer: APIEndpoint {
    /// How the tests reach the server.
    public enum Transport: Sendable {
        /// No socket: requests go to the router directly. ``baseURL`` leads nowhere.
        case inMemory
        /// HTTP on loopback: for clients in other processes (the command line, Python's), streamed
        /// answers (server-sent events) and the HTTP layer itself (connections, limits on the wire).
        case loopback
    }

    /// Where a client reaches the server over HTTP. In memory, `http://localhost`: the authority the
    /// testing framework gives every request (so the absolute URLs the server builds start with it),
    /// where nothing listens.
    public let baseURL: String
    private let router: (any TestClientProtocol)?
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
        transport: Transport = .inMemory, _ body: (TestServer) async throws -> T
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
        let server: TestServer
        let running: Task<Void, any Error>
        let stop: @Sendable () async -> Void
        switch transport {
        case .loopback:
            let group = ServiceGroup(services: [app], logger: logger)
            running = Task { try await group.run() }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { throw TestFailure("the server did not start") }
            server = TestServer(
                baseURL: "http://127.0.0.1:\(port)", router: nil, store: store, artifacts: artifacts, uploads: uploads,
                metrics: metrics)
            stop = { await group.triggerGracefulShutdown() }
        case .inMemory:
            // The testing framework runs the app's services (the worker) until its closure returns.
            let (clients, clientContinuation) = AsyncStream.makeStream(of: (any TestClientProtocol).self)
            let (done, doneContinuation) = AsyncStream.makeStream(of: Void.self)
            running = Task {
                // A framework that fails before it runs the closure ends the wait for a client too.
                defer { clientContinuation.finish() }
                try await app.test(.router) { client in
                    clientContinuation.yield(client)
                    for await _ in done {}
                }
            }
            var iterator = clients.makeAsyncIterator()
            guard let client = await iterator.next() else { throw TestFailure("the application did not start") }
            server = TestServer(
                baseURL: "http://localhost", router: client, store: store, artifacts: artifacts,
                uploads: uploads, metrics: metrics)
            stop = { doneContinuation.finish() }
        }
        do {
            let result = try await body(server)
            await stop()
            try await running.value
            try await sqlite?.close()
            return result
        } catch {
            await stop()
            _ = try? await running.value
            try? await sqlite?.close()
            throw error
        }
    }

    public func exchange(
        _ method: String, _ path: String, headers: [(String, String)], body: ByteBuffer?
    )
        async throws -> RawReply
    {
        guard let router else { return try await httpExchange(method, path, headers: headers, body: body) }
        var fields = HTTPFields()
        for (name, value) in headers {
            guard let name = HTTPField.Name(name) else { throw TestFailure("'\(name)' is no header name") }
            fields.append(HTTPField(name: name, value: value))
        }
        guard let method = HTTPRequest.Method(method) else { throw TestFailure("'\(method)' is no HTTP method") }
        // An absolute URL the server gave (a tus `Location`) names its path and query on this server.
        var uri = path
        if let url = URLComponents(string: path), url.scheme != nil {
            uri = url.percentEncodedPath + (url.percentEncodedQuery.map { "?" + $0 } ?? "")
        }
        let response = try await router.executeRequest(uri: uri, method: method, headers: fields, body: body)
        var replyHeaders: [String: String] = [:]
        for field in response.headers { replyHeaders[field.name.canonicalName] = field.value }
        return RawReply(
            status: response.status.code, headers: replyHeaders, body: Data(response.body.readableBytesView))
    }
}

public struct TestFailure: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
