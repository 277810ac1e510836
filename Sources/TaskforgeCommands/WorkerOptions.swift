import ArgumentParser
import Foundation
import Logging
import TaskArtifacts
import TaskRuntime

/// How `serve` and `worker` run jobs: which queues, where handlers run, how long finished jobs stay.
struct WorkerOptions: ParsableArguments {
    @OptionGroup var queues: QueueOptions
    @OptionGroup var artifacts: ArtifactOptions

    @Flag(help: "Do not apply pending schema migrations on start (run `taskforge migrate` first).")
    var noMigrate = false

    @Option(
        help: """
            Where handlers run: process (in supervised handler processes, killed and replaced when a handler \
            ignores its timeout or crashes) or in-process (faster; a handler that ignores its timeout keeps its slot).
            """)
    var isolation: Isolation = .process

    @Option(help: "Seconds a handler gets to stop after its timeout or a cancel before its process is killed.")
    var killGrace: Double = 5

    @Option(
        help:
            "Days to keep succeeded, failed and cancelled jobs; 0 keeps them for ever (env: TASKFORGE_RETENTION_DAYS).")
    var retentionDays: Double =
        ProcessInfo.processInfo.environment["TASKFORGE_RETENTION_DAYS"].flatMap(Double.init) ?? 7

    @Option(
        help: "Seconds a claimed job's lease lasts; heartbeats renew it, and a job whose lease ran out is run again.")
    var leaseSeconds: Double = 30

    @Option(help: "Seconds running jobs may go on after SIGTERM or SIGINT before they are given back to the queue.")
    var shutdownGrace: Double = 30

    @Flag(help: "Do not enqueue the jobs of the tasks' cron schedules in this process.")
    var noSchedules = false

    @Option(help: "Caps every task's timeout, in seconds (env: TASK_MAX_RUNTIME_SECONDS; default: no cap).")
    var maxRuntimeSeconds: Double? = ProcessInfo.processInfo.environment["TASK_MAX_RUNTIME_SECONDS"].flatMap(
        Double.init)

    /// ``maxRuntimeSeconds`` as a duration.
    var maxRuntime: Duration? { maxRuntimeSeconds.map { .seconds($0) } }

    enum Isolation: String, ExpressibleByArgument, CaseIterable {
        case process
        case inProcess = "in-process"
    }

    func validate() throws {
        guard killGrace > 0 else { throw ValidationError("--kill-grace must be positive") }
        guard leaseSeconds >= 1 else { throw ValidationError("--lease-seconds must be at least 1") }
        guard shutdownGrace >= 0 else { throw ValidationError("--shutdown-grace must not be negative") }
        guard retentionDays >= 0 else { throw ValidationError("--retention-days must not be negative") }
        if let text = ProcessInfo.processInfo.environment["TASK_MAX_RUNTIME_SECONDS"],
            Double(text).map({ $0 <= 0 }) ?? true
        {
            throw ValidationError("TASK_MAX_RUNTIME_SECONDS must be a positive number of seconds, found '\(text)'")
        }
        guard maxRuntimeSeconds.map({ $0 > 0 }) ?? true else {
            throw ValidationError("--max-runtime-seconds must be positive")
        }
    }

    /// Sets up logging, opens the store of `runtime` (migrating it unless `--no-migrate`) and runs
    /// `body` with a worker for `catalog` on it, or `nil` with `--workers 0` (a `serve` that only answers
    /// the API); then stops the handler processes and closes the store.
    func withWorker(
        runtime: RuntimeOptions, catalog: TaskCatalog,
        _ body: (Worker?, any JobStore, Logger) async throws -> Void
    ) async throws {
        let logger = runtime.logging.bootstrap()
        let artifactStore = try artifacts.store(dataDirectory: runtime.dataDir)
        let store = try await runtime.openStore(logger: logger, migrate: !noMigrate, serving: catalog)
        let recorder = artifacts.recorder(store: artifactStore, jobs: store)
        let (worker, pool): (Worker?, HandlerProcessPool?) =
            queues.runsNoJobs
            ? (nil, nil)
            : makeWorker(store: store, catalog: catalog, artifacts: recorder, logging: runtime.logging, logger: logger)
        do {
            try await body(worker, store, logger)
        } catch {
            pool?.shutdown()
            try? await store.close()
            throw error
        }
        pool?.shutdown()
        try await store.close()
    }

    private func makeWorker(
        store: any JobStore, catalog: TaskCatalog, artifacts: ArtifactRecorder, logging: LoggingOptions, logger: Logger
    ) -> (Worker, HandlerProcessPool?) {
        let pool: HandlerProcessPool? =
            switch isolation {
            case .inProcess: nil
            case .process:
                HandlerProcessPool(
                    executable: Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0]),
                    arguments: ["handler-host"] + logging.arguments, killGrace: .seconds(killGrace), logger: logger)
            }
        let configuration = WorkerConfiguration(
            queues: queues.resolve(catalogQueues: catalog.queues), leaseDuration: .seconds(leaseSeconds),
            shutdownGracePeriod: .seconds(shutdownGrace), maxRuntime: maxRuntime,
            retention: retentionDays > 0 ? .seconds(retentionDays * 86_400) : nil)
        let worker = Worker(
            store: store, catalog: catalog, configuration: configuration, runner: pool ?? InProcessRunner(),
            artifacts: artifacts, inputFiles: InputFileFetcher(jobs: store, store: artifacts.store), logger: logger)
        return (worker, pool)
    }
}
