import Foundation
import Logging
import PostgresNIO
import TaskRuntime
import TaskStorePostgres
import TaskStoreSQLite

/// A database for one benchmark phase: created empty and migrated, with the Taskforge store on it
/// and, on request, a ``BareQueue`` on the same data; removed afterwards.
struct BenchDatabase {
    let store: any JobStore
    /// Opened on first use (it has its own connections, which the idle-memory figure leaves out).
    let bare: @Sendable () async throws -> any BareQueue
    /// Opens the ``TrueLimit``'s minimal queue on the same database, beside the store's tables; the
    /// caller closes it.
    let minimal: @Sendable () async throws -> any MinimalQueue
}

/// Which database a run measures.
enum StoreKind: String, CaseIterable, Codable, Sendable {
    case sqlite
    case postgres

    var title: String {
        switch self {
        case .sqlite: "SQLite"
        case .postgres: "PostgreSQL"
        }
    }
}

/// Makes fresh databases of one kind.
protocol StoreBackend: Sendable {
    var kind: StoreKind { get }
    /// Where the databases live, for the report (never a password).
    var location: String { get }
    func withFreshDatabase<T: Sendable>(_ body: (BenchDatabase) async throws -> T) async throws -> T
}

/// SQLite files in a temporary directory, one per phase.
struct SQLiteBackend: StoreBackend {
    let directory: URL
    let logger: Logger

    var kind: StoreKind { .sqlite }
    var location: String { directory.path }

    init(logger: Logger) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "taskforge-bench-\(UUID().lowercasedString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        self.logger = logger
    }

    func withFreshDatabase<T: Sendable>(_ body: (BenchDatabase) async throws -> T) async throws -> T {
        let path = directory.appendingPathComponent("\(UUID().lowercasedString).sqlite").path
        let store = try await SQLiteJobStore.open(path: path, logger: logger)
        let opened = OpenedBare()
        let logger = self.logger
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        do {
            let result = try await body(
                BenchDatabase(
                    store: store,
                    bare: { try await opened.get { try await SQLiteBareQueue.open(path: path, logger: logger) } },
                    minimal: { try await SQLiteMinimalQueue(path: path, logger: logger) }))
            await opened.close()
            try await store.close()
            return result
        } catch {
            await opened.close()
            try? await store.close()
            throw error
        }
    }

    func removeDirectory() {
        try? FileManager.default.removeItem(at: directory)
    }
}

/// A new database on the PostgreSQL server for every phase (`CREATE DATABASE`, so the URL's user
/// needs `CREATEDB`), dropped afterwards.
struct PostgresBackend: StoreBackend {
    let url: PostgresURL
    let logger: Logger

    var kind: StoreKind { .postgres }
    var location: String { "\(url)" }

    func withFreshDatabase<T: Sendable>(_ body: (BenchDatabase) async throws -> T) async throws -> T {
        let name = "taskforge_bench_" + UUID().lowercasedString.replacingOccurrences(of: "-", with: "")
        try await administer("CREATE DATABASE \(name)")
        var database = url
        database.configuration.database = name
        let opened = OpenedBare()
        do {
            let store = try await PostgresJobStore.connect(to: database, logger: logger)
            let configuration = database.configuration
            let logger = self.logger
            let result: T
            do {
                result = try await body(
                    BenchDatabase(
                        store: store,
                        bare: {
                            try await opened.get {
                                await PostgresBareQueue.connect(configuration: configuration, logger: logger)
                            }
                        },
                        minimal: { await PostgresMinimalQueue(configuration: configuration, logger: logger) }))
            } catch {
                await opened.close()
                await store.close()
                throw error
            }
            await opened.close()
            await store.close()
            try await administer("DROP DATABASE \(name) WITH (FORCE)")
            return result
        } catch {
            try? await administer("DROP DATABASE \(name) WITH (FORCE)")
            throw error
        }
    }

    /// Runs one statement on the URL's own database.
    private func administer(_ sql: String) async throws {
        let (client, running) = await PostgresClient.started(configuration: url.configuration, logger: logger)
        defer { running.cancel() }
        _ = try await client.query(PostgresQuery(unsafeSQL: sql), logger: logger).collect()
    }
}

/// The phase's bare queue, opened at most once.
private actor OpenedBare {
    private var queue: (any BareQueue)?

    func get(_ open: @Sendable () async throws -> any BareQueue) async throws -> any BareQueue {
        if let queue { return queue }
        let opened = try await open()
        queue = opened
        return opened
    }

    func close() async {
        await queue?.close()
        queue = nil
    }
}
