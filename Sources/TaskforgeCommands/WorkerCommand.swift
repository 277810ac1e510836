import ArgumentParser
import Logging
import ServiceLifecycle
import TaskRuntime
import TaskServer

/// `taskforge worker`: runs jobs only, beside a `taskforge serve` sharing the store.
struct WorkerCommand<App: TaskApplication>: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "worker", abstract: "Run workers only, on the same store as a server.")
    }

    @OptionGroup var runtime: RuntimeOptions
    @OptionGroup var workers: WorkerOptions

    @Option(help: "Serve this worker's metrics at GET /metrics on this port (default: not served).")
    var metricsPort: Int?

    @Option(help: "The address the --metrics-port server listens on.")
    var metricsHost = "127.0.0.1"

    func validate() throws {
        guard !workers.queues.runsNoJobs else { throw ValidationError("--workers must be at least 1 for a worker") }
    }

    func run() async throws {
        let catalog = try App.configuredCatalog()
        let metrics = metricsPort.map { _ in MetricsExporter() }
        metrics?.bootstrap()
        try await workers.withWorker(runtime: runtime, catalog: catalog) { worker, store, logger in
            var services: [any Service] = workers.schedulerServices(store: store, catalog: catalog, logger: logger)
            // validate() refuses --workers 0, so a worker command always has its worker.
            if let worker { services.insert(worker, at: 0) }
            if let metrics, let metricsPort {
                services.append(
                    metrics.server(host: metricsHost, port: metricsPort, logger: logger) { port in
                        logger.info("serving metrics", metadata: ["url": "http://\(metricsHost):\(port)/metrics"])
                    })
            }
            let group = ServiceGroup(
                configuration: .init(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
            try await group.run()
        }
    }
}
