import ArgumentParser
import Logging
import ServiceLifecycle
import TaskRuntime
import Tasks

/// `taskforge worker`: runs jobs only, beside a `taskforge serve` sharing the store.
struct WorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker", abstract: "Run workers only, on the same store as a server.")

    @OptionGroup var runtime: RuntimeOptions
    @OptionGroup var queues: QueueOptions

    @Flag(help: "Do not apply pending schema migrations on start (run `taskforge migrate` first).")
    var noMigrate = false

    func run() async throws {
        let logger = runtime.bootstrapLogging()
        let catalog = GeneratedTasks.catalog
        let store = try await runtime.openStore(logger: logger, migrate: !noMigrate, serving: catalog)
        let worker = Worker(
            store: store, catalog: catalog,
            configuration: WorkerConfiguration(queues: queues.resolve(catalogQueues: catalog.queues)),
            logger: logger)
        let group = ServiceGroup(
            configuration: .init(services: [worker], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
        try await store.close()
    }
}
