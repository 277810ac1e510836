import Foundation
import TaskRuntime
import TaskSchema
import TaskforgeTestSupport
import Testing

@testable import TaskStorePostgres

/// The PostgreSQL store's hot statements run as named prepared statements (``FixedTextStatement``):
/// one name must always stand for one text, and a prepared statement must survive a migration that
/// adds a column to `jobs` while it is prepared.
@Suite("PostgreSQL prepared statements")
struct PreparedStatementTests {
    static let location = SourceLocation(file: "tasks.yaml", line: 1, column: 1)

    @Test func eachStatementHasOneTextWhateverItsValues() throws {
        let requests = [
            ClaimRequest(queues: ["default"], limit: 1, worker: "w", leaseDuration: .seconds(30)),
            ClaimRequest(
                queues: ["geo", "io", "geo"], limit: 500, worker: "another worker", leaseDuration: .milliseconds(1500),
                rateLimits: [
                    RateLimitRule(key: "brave", tasks: ["search", "suggest"], perSecond: 1, burst: 5),
                    RateLimitRule(key: "gdal", tasks: ["volcal"], perSecond: 0.5, burst: 1),
                ]),
        ]
        for request in requests {
            #expect(PostgresJobStore.claimStatement(request).sql == ClaimStatement.sql)
        }
        var withFiles = NewJob.sample(queue: "geo", priority: 3, input: ["dem": "a.tif", "n": [1, 2.5, nil]])
        withFiles.files = [
            FileInput(name: "pre", location: Self.location),
            FileInput(name: "prj", required: false, location: Self.location),
        ]
        withFiles.owner = "token-1"
        withFiles.timeout = .seconds(5)
        for jobs in [[NewJob.sample()], [withFiles, NewJob.sample(), NewJob.sample(runAt: .distantFuture)]] {
            #expect(PostgresJobStore.insertStatement(jobs).sql == InsertStatement.sql)
        }
        let lease = Lease(jobID: UUID(), fence: 3)
        let error = JobError(code: .taskFailed, message: "boom", retryable: true)
        let outcomes: [AttemptOutcome] = [
            .succeeded(output: ["ok": true]), .failed(error, progress: 0.5),
            .retry(error, retryAt: Date(), progress: 0),
            .cancelled(progress: 1), .crashed(error, retryAt: nil, progress: 0), .released,
        ]
        let batches = [outcomes.prefix(1), outcomes[...]].map { batch in
            batch.map { Completion(lease: lease, outcome: $0, handlerVersion: 2) }
        }
        for batch in batches {
            let columns = try batch.map(CompletionColumns.init)
            #expect(PostgresJobStore.finishStatement(columns).sql == FinishStatement.sql)
        }
    }

    @Test func aColumnAddedWhileTheStatementsArePreparedChangesNothing() async throws {
        let server = try PostgresTestServer.fromEnvironment()
        try await server.withDatabase { url, _ in
            let database = try #require(url.configuration.database)
            let store = try await PostgresJobStore.connect(to: url, logger: .init(label: "test"))
            do {
                try await store.migrate()
                // Every connection of the pool prepares the statements (the pool holds few).
                for round in 0..<8 {
                    let jobs = try await store.enqueue([.sample(input: ["round": .integer(round)])])
                    let claimed = try await store.claimOne()
                    #expect(claimed.id == jobs[0].id)
                    let written = try await store.finish(
                        claimed.lease, .succeeded(output: ["ok": true]), handlerVersion: 1)
                    #expect(written)
                }
                // A later version's migration, while this process runs.
                _ = try await server.query("ALTER TABLE jobs ADD COLUMN added_later integer", database: database)
                for round in 0..<8 {
                    let jobs = try await store.enqueue([.sample(input: ["after": .integer(round)])])
                    let claimed = try await store.claimOne()
                    #expect(claimed.id == jobs[0].id)
                    #expect(claimed.input == ["after": .integer(round)])
                    let written = try await store.finish(
                        claimed.lease, .succeeded(output: ["ok": true]), handlerVersion: 1)
                    #expect(written)
                }
            } catch {
                await store.close()
                throw error
            }
            await store.close()
        }
    }
}
