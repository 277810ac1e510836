import ArgumentParser
import Foundation
import Logging
import TaskRuntime
import TaskStorePostgres
import TaskStoreSQLite

/// Where jobs are stored and how the process logs; shared by `serve`, `worker` and `migrate`.
struct RuntimeOptions: ParsableArguments {
    @Option(help: "The directory for the embedded SQLite database (env: TASKFORGE_DATA_DIR).")
    var dataDir: String = ProcessInfo.processInfo.environment["TASKFORGE_DATA_DIR"] ?? "./data"

    // No default shown in --help: the environment's URL may hold a password.
    @Option(
        name: .customLong("database-url"),
        help: """
            A postgres:// or postgresql:// URL to keep jobs in PostgreSQL (env: TASKFORGE_DATABASE_URL); \
            when unset, jobs are kept in SQLite under --data-dir.
            """)
    var databaseURL: String?

    @Option(help: "Log format: json (one object a line) or text.")
    var logFormat: LogFormat = .json

    @Option(help: "The lowest level logged: trace, debug, info, notice, warning, error, critical.")
    var logLevel: Logger.Level = .info

    enum LogFormat: String, ExpressibleByArgument, CaseIterable {
        case json, text
    }

    /// Sets up logging for the process; call once.
    func bootstrapLogging() -> Logger {
        let level = logLevel
        switch logFormat {
        case .json:
            LoggingSystem.bootstrap { label in
                var handler = JSONLogHandler(label: label)
                handler.logLevel = level
                return handler
            }
        case .text:
            LoggingSystem.bootstrap { label in
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = level
                return handler
            }
        }
        return Logger(label: "taskforge")
    }

    func validate() throws {
        if let url = resolvedDatabaseURL, !PostgresURL.isPostgresURL(url) {
            throw ValidationError(
                "--database-url (or TASKFORGE_DATABASE_URL) must start with postgres:// or postgresql://; leave it unset for SQLite")
        }
    }

    private var resolvedDatabaseURL: String? {
        (databaseURL ?? ProcessInfo.processInfo.environment["TASKFORGE_DATABASE_URL"]).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Opens PostgreSQL when a database URL is set, else SQLite under `dataDir`; applies pending
    /// schema migrations first unless `migrate` is false.
    /// The store, refused when it holds unfinished jobs of tasks `catalog` no longer declares.
    func openStore(logger: Logger, migrate: Bool, serving catalog: TaskCatalog) async throws -> any ClosableJobStore {
        let store = try await openStore(logger: logger, migrate: migrate)
        do {
            try await UndeclaredTaskCheck.verify(catalog, against: store)
            return store
        } catch {
            try? await store.close()
            throw error
        }
    }

    func openStore(logger: Logger, migrate: Bool) async throws -> any ClosableJobStore {
        if let url = resolvedDatabaseURL {
            return try await PostgresJobStore.connect(to: try PostgresURL(url), logger: logger, migrate: migrate)
        }
        try FileManager.default.createDirectory(atPath: dataDir, withIntermediateDirectories: true)
        let path = URL(fileURLWithPath: dataDir).appendingPathComponent("taskforge.sqlite").path
        logger.info("using the embedded SQLite store", metadata: ["path": "\(path)"])
        return try await SQLiteJobStore.open(path: path, logger: logger, migrate: migrate)
    }
}

/// A job store the process opened and must close once its services have stopped.
protocol ClosableJobStore: JobStore {
    func close() async throws
}

extension SQLiteJobStore: ClosableJobStore {}
extension PostgresJobStore: ClosableJobStore {}

extension Logger.Level: @retroactive ExpressibleByArgument {}

/// Which queues a worker serves and how many jobs of each it runs at once.
struct QueueOptions: ParsableArguments {
    @Option(help: "Queues and their concurrency, like io=8,geo=1 (default: every queue of tasks.yaml, each with --workers slots).")
    var queues: QueueConcurrency?

    @Option(help: "Concurrent jobs per queue, for the queues not given with --queues.")
    var workers: Int = 4

    func validate() throws {
        guard workers > 0 else { throw ValidationError("--workers must be at least 1") }
    }

    /// Queue name to concurrency.
    func resolve(catalogQueues: [String]) -> [String: Int] {
        queues?.values ?? Dictionary(uniqueKeysWithValues: catalogQueues.map { ($0, workers) })
    }
}

/// `io=8,geo=1`.
struct QueueConcurrency: ExpressibleByArgument {
    var values: [String: Int]

    init?(argument: String) {
        var values: [String: Int] = [:]
        for part in argument.split(separator: ",") {
            let pair = part.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, !pair[0].isEmpty, let slots = Int(pair[1]), slots > 0 else { return nil }
            values[String(pair[0])] = slots
        }
        guard !values.isEmpty else { return nil }
        self.values = values
    }
}
