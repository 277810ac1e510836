import ArgumentParser
import Foundation
import Logging
import ServiceLifecycle
import TaskArtifacts
import TaskDashboard
import TaskRuntime
import TaskServer

/// `taskforge serve`: the HTTP API with in-process workers (none with `--workers 0`), on the embedded
/// store by default.
struct Serve<App: TaskApplication>: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "serve",
            abstract: "Run the HTTP API and workers (SQLite under --data-dir unless told otherwise).")
    }

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port = 8080

    @Option(help: "The largest JSON request body accepted, in bytes.")
    var maxBodyBytes = 1 << 20

    @Option(help: "The most jobs one POST /v1/jobs:batch may submit (env: MAX_BATCH_SIZE).")
    var maxBatchSize = ProcessInfo.processInfo.environment["MAX_BATCH_SIZE"].flatMap { Int($0) } ?? 100

    @Option(
        help: "How many jobs one principal (API token) may submit a minute (env: TASKS_PER_MINUTE; default: no limit).")
    var tasksPerMinute: Int? = ProcessInfo.processInfo.environment["TASKS_PER_MINUTE"].flatMap { Int($0) }

    @Option(
        help:
            "How long a job waits for its files before it fails with files_missing and its uploads are removed, in hours (env: TASK_WAITING_EXPIRY_HOURS)."
    )
    var waitingExpiryHours: Double =
        ProcessInfo.processInfo.environment["TASK_WAITING_EXPIRY_HOURS"].flatMap { Double($0) } ?? 24

    @Option(
        name: .customLong("no-compat"),
        help: "Leave out the application's route profile with this name (repeatable; see docs/compat.md).")
    var noCompat: [String] = []

    @Flag(name: .customLong("no-ui"), help: "Serve no dashboard at /ui.")
    var noUI = false

    @Option(
        name: .customLong("ui-base-path"),
        help: "The path prefix a reverse proxy serves the dashboard under, before /ui (e.g. /ops).")
    var uiBasePath = ""

    @Option(
        name: .customLong("ui-stream-lifetime"),
        help: "Seconds after which an open dashboard page's live stream is closed; the browser reopens it at once.")
    var uiStreamLifetime: Double = 300

    @OptionGroup var runtime: RuntimeOptions
    @OptionGroup var workers: WorkerOptions

    func validate() throws {
        if let text = ProcessInfo.processInfo.environment["MAX_BATCH_SIZE"], Int(text).map({ $0 < 1 }) ?? true {
            throw ValidationError("MAX_BATCH_SIZE must be a positive integer, found '\(text)'")
        }
        guard maxBatchSize >= 1 else { throw ValidationError("--max-batch-size must be at least 1") }
        if let text = ProcessInfo.processInfo.environment["TASKS_PER_MINUTE"], Int(text).map({ $0 < 1 }) ?? true {
            throw ValidationError("TASKS_PER_MINUTE must be a positive integer, found '\(text)'")
        }
        guard tasksPerMinute.map({ $0 >= 1 }) ?? true else {
            throw ValidationError("--tasks-per-minute must be at least 1")
        }
        if let text = ProcessInfo.processInfo.environment["TASK_WAITING_EXPIRY_HOURS"],
            Double(text).map({ $0 <= 0 }) ?? true
        {
            throw ValidationError("TASK_WAITING_EXPIRY_HOURS must be a positive number, found '\(text)'")
        }
        guard waitingExpiryHours > 0 else { throw ValidationError("--waiting-expiry-hours must be positive") }
        guard uiStreamLifetime >= 1 else { throw ValidationError("--ui-stream-lifetime must be at least 1 second") }
        guard DashboardConfiguration.isValidBasePath(uiBasePath) else {
            throw ValidationError("--ui-base-path must be a URL path such as /ops, found '\(uiBasePath)'")
        }
        let profiles = App.routeProfiles.map(\.name)
        for name in noCompat where !profiles.contains(name) {
            throw ValidationError(
                "--no-compat: no route profile named '\(name)'; the profiles are \(profiles.joined(separator: ", "))")
        }
    }

    /// `TASKFORGE_UI_SECRET` signs the dashboard's sessions; without it each start draws a key.
    private var dashboardConfiguration: DashboardConfiguration {
        DashboardConfiguration(
            basePath: uiBasePath,
            sessionSecret: ProcessInfo.processInfo.environment["TASKFORGE_UI_SECRET"].flatMap {
                $0.isEmpty ? nil : Data($0.utf8)
            },
            streamLifetime: .milliseconds(Int64(uiStreamLifetime * 1000)))
    }

    func run() async throws {
        let catalog = try App.configuredCatalog()
        let artifactStore = try workers.artifacts.store(dataDirectory: runtime.dataDir)
        // The API's and the workers' metrics, served at GET /metrics.
        let metrics = MetricsExporter()
        metrics.bootstrap()
        try await workers.withWorker(runtime: runtime, catalog: catalog) { worker, store, logger in
            let authentication = try await authentication(store: store, logger: logger)
            let waitingExpiry = Duration.seconds(waitingExpiryHours * 3600)
            let recorder = workers.artifacts.recorder(store: artifactStore, jobs: store)
            let uploads = UploadStaging(
                directory: URL(fileURLWithPath: runtime.dataDir).appendingPathComponent("uploads"),
                lifecycle: UploadPurposes(
                    jobFiles: JobFileUploads(
                        catalog: catalog, store: store, recorder: recorder, waitingExpiry: waitingExpiry),
                    datasets: DatasetUploads(recorder: recorder)),
                maxBytes: max(workers.artifacts.maxArtifactBytes, workers.artifacts.maxDatasetBytes))
            let api = TaskAPI(
                catalog: catalog, store: store,
                configuration: ServerConfiguration(
                    host: host, port: port, maxBodyBytes: maxBodyBytes, maxBatchSize: maxBatchSize,
                    authentication: authentication, tasksPerMinute: tasksPerMinute, maxRuntime: workers.maxRuntime,
                    maxArtifactBytes: workers.artifacts.maxArtifactBytes,
                    artifactLinkExpiry: .seconds(workers.artifacts.artifactLinkSeconds),
                    maxDatasetBytes: workers.artifacts.maxDatasetBytes,
                    scratchDirectory: URL(fileURLWithPath: runtime.dataDir).appendingPathComponent("scratch")),
                artifacts: artifactStore, openAPIDocument: App.openAPIDocument, uploads: uploads, metrics: metrics,
                profiles: App.routeProfiles.filter { !noCompat.contains($0.name) },
                routeSets: noUI ? [] : [Dashboard(configuration: dashboardConfiguration)])
            let janitor = WaitingJobJanitor(
                uploads: uploads, store: store, waitingExpiry: waitingExpiry, logger: logger)
            var services: [any Service] =
                [janitor] + workers.schedulerServices(store: store, catalog: catalog, logger: logger)
            if let worker {
                services.insert(worker, at: 0)
            } else {
                logger.info("serving the API only (--workers 0): jobs run in `taskforge worker` processes")
            }
            let app = api.application(services: services, logger: logger) { port in
                logger.info("taskforge is listening", metadata: ["url": "http://\(host):\(port)"])
            }
            try await app.runService()
        }
    }

    /// Tokens switch authentication on; with none, a loopback bind runs open (and says so) and any
    /// other bind refuses to start.
    private func authentication(store: any JobStore, logger: Logger) async throws -> Authentication {
        let now = Date()
        let active = try await store.tokens().filter { $0.isActive(at: now) }.count
        let authentication = try Authentication.decide(host: host, activeTokens: active)
        switch authentication {
        case .off:
            logger.warning(
                """
                authentication is off: no API tokens exist and the server listens on loopback only; \
                create one with 'taskforge token create' and restart to require tokens
                """)
        case .required:
            logger.info("authentication is on: requests need an API token", metadata: ["activeTokens": "\(active)"])
        }
        return authentication
    }
}
