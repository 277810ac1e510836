import ArgumentParser
import AsyncHTTPClient
import Foundation
import Hummingbird
import Logging
import NIOCore
import PostgresNIO
import SQLiteNIO
import ServiceLifecycle
import TaskArtifacts
import TaskDashboard
import TaskRuntime
import TaskServer
import TaskStorePostgres
import TaskStoreSQLite

/// `scripts/bench ui`: the dashboard's pages on a store with a million jobs (docs/dashboard.md).
///
/// Fills a fresh store of each kind through its own `enqueue` (1,000 at a time), then moves 90 % of
/// the jobs to a final state finished within the last two hours (one `UPDATE`, so the event-log
/// triggers run as they would have), and serves the API with the dashboard on loopback. Each page is
/// fetched `--rounds` times over HTTP; the figure is the median time to the last byte, beside the
/// API's own first page of jobs and queue status fetched the same way in the same run (the baseline).
@main
struct DashboardBench: AsyncParsableCommand {
    @Option(help: "How many jobs the store holds.")
    var jobs = 1_000_000

    @Option(help: "How many times each page is fetched.")
    var rounds = 7

    @Option(
        help:
            "A PostgreSQL server to create the benchmark's database on (its user needs CREATEDB); none skips PostgreSQL."
    )
    var postgresURL: String?

    func run() async throws {
        var logger = Logger(label: "dashboard-bench")
        logger.logLevel = .warning
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dashboard-bench-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        let path = directory.appendingPathComponent("jobs.sqlite").path
        let sqlite = try await SQLiteJobStore.open(path: path, logger: logger)
        try await fill(sqlite, label: "SQLite") {
            let connection = try await SQLiteConnection.open(storage: .file(path: path))
            _ = try await connection.query(Self.finishSQL(dialect: .sqlite))
            try await connection.close()
        }
        try await measure(sqlite, label: "SQLite", directory: directory, logger: logger)
        try await sqlite.close()

        guard let postgresURL else { return }
        let server = try PostgresURL(postgresURL)
        let name = "dashboard_bench_\(UUID().lowercasedString.replacingOccurrences(of: "-", with: ""))"
        try await Self.administer("CREATE DATABASE \(name)", server.configuration, logger)
        var database = server
        database.configuration.database = name
        do {
            let store = try await PostgresJobStore.connect(to: database, logger: logger)
            try await fill(store, label: "PostgreSQL") {
                try await Self.administer(Self.finishSQL(dialect: .postgres), database.configuration, logger)
                try await Self.administer("VACUUM ANALYZE jobs", database.configuration, logger)
            }
            try await measure(store, label: "PostgreSQL", directory: directory, logger: logger)
            await store.close()
        } catch {
            try? await Self.administer("DROP DATABASE \(name) WITH (FORCE)", server.configuration, logger)
            throw error
        }
        try await Self.administer("DROP DATABASE \(name) WITH (FORCE)", server.configuration, logger)
    }

    // MARK: Filling

    private func fill(_ store: any JobStore, label: String, finish: () async throws -> Void) async throws {
        try await store.declareSearchFields(Self.catalog.searchFields)
        let clock = ContinuousClock()
        let start = clock.now
        var made = 0
        while made < jobs {
            let batch = (made..<min(made + 1000, jobs)).map { index in
                NewJob(
                    task: "t\(index % 4)", version: 1, queue: "q\(index % 8)",
                    input: ["n": .integer(index), "word": .string("w\(index % 1000)")], maxAttempts: 3)
            }
            _ = try await store.enqueue(batch)
            made += batch.count
        }
        let inserted = clock.now
        try await finish()
        print(
            "\(label): \(Self.count(jobs)) jobs enqueued in \(Self.seconds(inserted - start)), 90 % finished in \(Self.seconds(clock.now - inserted))"
        )
    }

    /// Task `t0` makes `n` and `word` searchable (`search: [n, word]`): a quarter of the jobs are indexed.
    static let catalog = TaskCatalog(
        (0..<4).map { index in
            TaskEntry(
                TaskDefinition(
                    name: "t\(index)", version: 1, summary: "A benchmark task.", queue: "q\(index)",
                    timeout: .seconds(60),
                    input: Schema(type: [.object]), output: Schema(type: [.object]),
                    searchFields: index == 0 ? ["n", "word"] : [],
                    location: SourceLocation(file: "tasks.yaml", line: 1, column: 1))
            ) { (input: JSONValue, _: JobContext) in input }
        })

    enum Dialect { case sqlite, postgres }

    /// 85 % succeeded, 4 % failed, 1 % cancelled, spread over the last two hours; the rest stays pending.
    static func finishSQL(dialect: Dialect) -> String {
        let finishedAt =
            switch dialect {
            case .sqlite: "CAST((julianday('now') - 2440587.5) * 86400000000 AS INTEGER) - (seq % 7200) * 1000000"
            case .postgres: "now() - make_interval(secs => seq % 7200)"
            }
        return """
            UPDATE jobs SET
                state = CASE WHEN seq % 100 < 85 THEN 'succeeded' WHEN seq % 100 < 89 THEN 'failed' ELSE 'cancelled' END,
                attempt = 1, finished_at = \(finishedAt)
            WHERE seq % 100 < 90
            """
    }

    static func administer(_ sql: String, _ configuration: PostgresClient.Configuration, _ logger: Logger) async throws
    {
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            _ = try await client.query(PostgresQuery(unsafeSQL: sql), logger: logger).collect()
            group.cancelAll()
        }
    }

    // MARK: Measuring

    private func measure(_ store: any JobStore, label: String, directory: URL, logger: Logger) async throws {
        let api = TaskAPI(
            catalog: Self.catalog, store: store, configuration: ServerConfiguration(host: "127.0.0.1", port: 0),
            artifacts: LocalArtifactStore(root: directory.appendingPathComponent("artifacts").path),
            openAPIDocument: "{}",
            routeSets: [Dashboard()])
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let group = ServiceGroup(
            services: [api.application(logger: logger) { continuation.yield($0) }], logger: logger)
        let running = Task { try await group.run() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw ValidationError("the server did not start") }
        let base = "http://127.0.0.1:\(port)"
        let pages = [
            ("API: GET /v1/queues (baseline)", "/v1/queues"),
            ("API: GET /v1/jobs, first page of 50 (baseline)", "/v1/jobs"),
            ("overview", "/ui"),
            ("jobs, first page", "/ui/jobs"),
            ("jobs failed, first page", "/ui/jobs?state=failed"),
            (
                "jobs of one queue and task, pending (with the matching count)",
                "/ui/jobs?queue=q1&task=t1&state=pending"
            ),
            ("jobs by id prefix", "/ui/jobs?id=7f"),
            ("jobs by a text input field (1,000 jobs match)", "/ui/jobs?input=word%3Dw7"),
            ("jobs by a number range (1,000 jobs match)", "/ui/jobs?input=n%3D500000..500999"),
            ("jobs by a present input field (250,000 match)", "/ui/jobs?input=word%3F"),
            ("jobs created in a time range", "/ui/jobs?from=2000-01-01T00:00&to=2100-01-01T00:00"),
            ("jobs created before a time (none match)", "/ui/jobs?to=2000-01-01T00:00"),
            ("workers", "/ui/workers"),
        ]
        var medians: [Double] = []
        print("\n\(label), \(Self.count(jobs)) jobs, median of \(rounds) fetches (time to the last byte)")
        for (name, path) in pages {
            var times: [Double] = []
            for _ in 0..<rounds {
                let start = ContinuousClock.now
                let response = try await HTTPClient.shared.execute(
                    HTTPClientRequest(url: base + path), timeout: .seconds(60))
                _ = try await response.body.collect(upTo: 64 << 20)
                guard response.status == .ok else { throw ValidationError("\(path) answered \(response.status)") }
                times.append((ContinuousClock.now - start).milliseconds)
            }
            times.sort()
            let median = times[times.count / 2]
            medians.append(median)
            let ratio =
                name.contains("baseline")
                ? ""
                : String(
                    format: "  (%.2f × the API's queues, %.2f × its jobs page)", median / medians[0],
                    median / medians[1])
            print(
                "  " + name.padding(toLength: 64, withPad: " ", startingAt: 0)
                    + String(format: "%8.1f ms  max %8.1f ms", median, times.last!) + ratio)
        }
        await group.triggerGracefulShutdown()
        try await running.value
    }

    static func count(_ value: Int) -> String {
        let formatter = NumberFormatter()
        formatter.numberStyle = .decimal
        formatter.groupingSeparator = ","
        return formatter.string(from: NSNumber(value: value)) ?? "\(value)"
    }

    static func seconds(_ duration: Duration) -> String {
        String(format: "%.1f s", duration.milliseconds / 1000)
    }
}

extension Duration {
    var milliseconds: Double {
        Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15
    }
}
