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

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        if let url = resolvedDatabaseURL, !PostgresURL.isPostgresURL(url) {
            throw ValidationError(
                "--database-url (or TASKFORGE_DATABASE_URL) must start with postgres:// or postgresql://; leave it unset for SQLite"
            )
        }
    }

    private var resolvedDatabaseURL: String? {
        (databaseURL ?? ProcessInfo.processInfo.environment["TASKFORGE_DATABASE_URL"]).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Opens PostgreSQL when a database URL is set, else SQLite under `dataDir`; applies pending
    /// schema migrations first unless `migrate` is false.
    /// The store, refused when it holds unfinished jobs of tasks `catalog` no longer declares, told
    /// which input fields of `catalog`'s tasks to index (`search:`).
    func openStore(logger: Logger, migrate: Bool, serving catalog: TaskCatalog) async throws -> any ClosableJobStore {
        let store = try await openStore(logger: logger, migrate: migrate)
        do {
            try await UndeclaredTaskCheck.verify(catalog, against: store)
            try await store.declareSearchFields(catalog.searchFields)
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
