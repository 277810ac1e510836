import Foundation
import ArgumentParser
import Logging
import ServiceLifecycle
import TaskRuntime
import TaskServer

/// `taskforge serve`: the HTTP API with in-process workers, on the embedded store by default.
struct Serve<App: TaskApplication>: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "serve", abstract: "Run the HTTP API and workers (SQLite under --data-dir unless told otherwise).")
    }

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port = 8080

    @Option(help: "The largest JSON request body accepted, in bytes.")
    var maxBodyBytes = 1 << 20

    @Option(help: "The most jobs one POST /v1/jobs:batch may submit (env: MAX_BATCH_SIZE).")
    var maxBatchSize = ProcessInfo.processInfo.environment["MAX_BATCH_SIZE"].flatMap { Int($0) } ?? 100

    @OptionGroup var runtime: RuntimeOptions
    @OptionGroup var workers: WorkerOptions

    func validate() throws {
        if let text = ProcessInfo.processInfo.environment["MAX_BATCH_SIZE"], Int(text).map({ $0 < 1 }) ?? true {
            throw ValidationError("MAX_BATCH_SIZE must be a positive integer, found '\(text)'")
        }
        guard maxBatchSize >= 1 else { throw ValidationError("--max-batch-size must be at least 1") }
    }

    func run() async throws {
        let artifactStore = try workers.artifacts.store(dataDirectory: runtime.dataDir)
        try await workers.withWorker(runtime: runtime, catalog: App.catalog) { worker, store, logger in
            let api = TaskAPI(
                catalog: App.catalog, store: store,
                configuration: ServerConfiguration(
                    host: host, port: port, maxBodyBytes: maxBodyBytes, maxBatchSize: maxBatchSize,
                    maxArtifactBytes: workers.artifacts.maxArtifactBytes,
                    artifactLinkExpiry: .seconds(workers.artifacts.artifactLinkSeconds)),
                artifacts: artifactStore, openAPIDocument: App.openAPIDocument)
            let services: [any Service] = [worker] + workers.schedulerServices(store: store, catalog: App.catalog, logger: logger)
            let app = api.application(services: services, logger: logger) { port in
                logger.info("taskforge is listening", metadata: ["url": "http://\(host):\(port)"])
            }
            try await app.runService()
        }
    }
}
