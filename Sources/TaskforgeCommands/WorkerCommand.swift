import ArgumentParser
import Logging
import ServiceLifecycle
import TaskRuntime

/// `taskforge worker`: runs jobs only, beside a `taskforge serve` sharing the store.
struct WorkerCommand<App: TaskApplication>: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "worker", abstract: "Run workers only, on the same store as a server.")
    }

    @OptionGroup var runtime: RuntimeOptions
    @OptionGroup var workers: WorkerOptions

    func run() async throws {
        let catalog = try App.configuredCatalog()
        try await workers.withWorker(runtime: runtime, catalog: catalog) { worker, store, logger in
            let services: [any Service] = [worker] + workers.schedulerServices(store: store, catalog: catalog, logger: logger)
            let group = ServiceGroup(
                configuration: .init(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
            try await group.run()
        }
    }
}
