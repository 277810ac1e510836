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

    @Flag(help: "Do not apply pending schema migrations on start (run `taskforge migrate` first).")
    var noMigrate = false

    func run() async throws {
        let logger = runtime.logging.bootstrap()
        let store = try await runtime.openStore(logger: logger, migrate: !noMigrate, serving: App.catalog)
        let (worker, pool) = workers.makeWorker(store: store, catalog: App.catalog, logging: runtime.logging, logger: logger)
        let group = ServiceGroup(
            configuration: .init(services: [worker], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
        pool?.shutdown()
        try await store.close()
    }
}
