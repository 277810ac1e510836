import Foundation
import Logging
import PostgresNIO
import TaskRuntime
import TaskforgeTestSupport
import Testing

@testable import TaskStorePostgres

/// What only the PostgreSQL store has: several processes on one database, migrations, NOTIFY.
@Suite("PostgreSQL store")
struct PostgresStoreTests {
    @Test func migrationsStartedByFourProcessesAtOnceApplyOnce() async throws {
        let server = try PostgresTestServer.fromEnvironment()
        try await server.withDatabase { url, _ in
            let stores = try await withThrowingTaskGroup(of: PostgresJobStore.self) { group in
                for _ in 0..<4 {
                    group.addTask { try await PostgresJobStore.connect(to: url, logger: Logger(label: "test")) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            try await stores[0].migrate()
            for store in stores { await store.close() }
            let database = try #require(url.configuration.database)
            let applied = try await server.query(
                "SELECT version FROM schema_migrations ORDER BY version", database: database
            )
            .map { try $0.decode(Int.self) }
            #expect(applied == PostgresMigrations.all.map(\.version))
        }
    }

    @Test func aClaimOnSeveralQueuesTakesTheBestJobsOfAll() async throws {
        try await StoreKind.postgres.withStore { store in
            let io = NewJob.sample(queue: "io", priority: 1)
            let geoHigh = NewJob.sample(queue: "geo", priority: 3)
            let geoLow = NewJob.sample(queue: "geo", priority: 0)
            let other = NewJob.sample(queue: "other", priority: 9)
            for job in [geoLow, io, geoHigh, other] { _ = try await store.enqueue([job]) }
            let claimed = try await store.claim(
                queues: ["geo", "io", "geo"], limit: 2, worker: "w", leaseDuration: .seconds(30))
            #expect(claimed.map(\.id) == [geoHigh.id, io.id])
            let rest = try await store.claim(queues: ["io", "geo"], limit: 5, worker: "w", leaseDuration: .seconds(30))
            #expect(rest.map(\.id) == [geoLow.id])
        }
    }

    @Test func errorsCarryTheDatabaseMessage() async throws {
        try await StoreKind.postgres.withStore { store in
            let job = NewJob.sample()
            _ = try await store.enqueue([job])
            let error = await #expect(throws: PostgresStoreError.self) { try await store.enqueue([job]) }
            #expect(error?.sqlState == "23505")
            #expect(error?.description.contains("[23505] duplicate key value violates unique constraint") == true)
        }
    }

    @Test func readySignalsReachOtherProcesses() async throws {
        try await withTwoStores { _, listening, other in
            let enqueued = listening.readyJobSignals()
            _ = try await other.enqueue([.sample(queue: "io")])
            #expect(try await firstValue(of: enqueued, within: .seconds(5)) == "io")

            let released = listening.readyJobSignals()
            let claimed = try await other.claimOne(queue: "io")
            try await other.finish(claimed.lease, .released, handlerVersion: nil)
            #expect(try await firstValue(of: released, within: .seconds(5)) == "io")
        }
    }

    @Test func theListenerListensAgainAfterItsConnectionIsKilled() async throws {
        let server = try PostgresTestServer.fromEnvironment()
        try await withTwoStores { url, listening, other in
            let database = try #require(url.configuration.database)
            let killed = try await server.query(
                """
                SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                WHERE datname = '\(database)' AND query LIKE 'LISTEN%'
                """)
            #expect(killed.count == 2)
            let signals = listening.readyJobSignals()
            // The listener comes back after a short backoff; enqueue until a signal arrives.
            let signal = try await withThrowingTaskGroup(of: String?.self) { group in
                group.addTask { try await firstValue(of: signals, within: .seconds(10)) }
                group.addTask {
                    while !Task.isCancelled {
                        _ = try await other.enqueue([.sample(queue: "geo")])
                        try await Task.sleep(for: .milliseconds(100))
                    }
                    return nil
                }
                defer { group.cancelAll() }
                return try await group.next() ?? nil
            }
            #expect(signal == "geo")
        }
    }

    /// Two stores on one fresh database, as two processes would have.
    func withTwoStores(
        _ body: (PostgresURL, PostgresJobStore, PostgresJobStore) async throws -> Void
    ) async throws {
        try await PostgresTestServer.fromEnvironment().withDatabase { url, _ in
            let first = try await PostgresJobStore.connect(to: url, logger: Logger(label: "test"))
            let second = try await PostgresJobStore.connect(to: url, logger: Logger(label: "test"))
            do {
                try await body(url, first, second)
            } catch {
                await first.close()
                await second.close()
                throw error
            }
            await first.close()
            await second.close()
        }
    }
}

@Suite("PostgreSQL URLs")
struct PostgresURLTests {
    @Test func readsEveryPart() throws {
        let url = try PostgresURL("postgresql://tf%40app:s%3Acret@db.example:6543/jobs?sslmode=require")
        #expect(url.configuration.username == "tf@app")
        #expect(url.configuration.password == "s:cret")
        #expect(url.configuration.host == "db.example")
        #expect(url.configuration.port == 6543)
        #expect(url.configuration.database == "jobs")
        #expect(url.description == "postgres://tf@app@db.example:6543/jobs")
    }

    @Test func defaultsThePortAndDatabase() throws {
        let url = try PostgresURL("postgres://postgres@127.0.0.1")
        #expect(url.configuration.port == 5432)
        #expect(url.configuration.database == nil)
        #expect(url.configuration.password == nil)
    }

    @Test(arguments: [
        "./data/jobs.sqlite", "postgres://127.0.0.1/jobs", "postgres://u@/jobs", "postgres://u@h/db?sslmode=maybe",
    ])
    func refusesWhatIsNotAUsableURL(_ string: String) {
        #expect(throws: PostgresURLError.self) { try PostgresURL(string) }
    }

    @Test func tellsURLsFromPaths() {
        #expect(PostgresURL.isPostgresURL("postgres://u@h/db"))
        #expect(PostgresURL.isPostgresURL("PostgreSQL://u@h/db"))
        #expect(!PostgresURL.isPostgresURL("./postgres/data"))
        #expect(!PostgresURL.isPostgresURL("postgres:data"))
    }
}
