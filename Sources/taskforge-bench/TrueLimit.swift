import Foundation
import Logging

/// The database's own limit for the queue pattern, apart from any job schema: a minimal table (id,
/// state, payload; its primary key and one partial index of the ready rows; no triggers) filled in
/// batches and drained by claim-and-complete loops that claim ``TrueLimit/claimBatch`` rows at a
/// time (`FOR UPDATE SKIP LOCKED` on PostgreSQL) and complete them in one statement, with the same
/// durability as the store (PostgreSQL's defaults; SQLite in WAL mode with `synchronous = NORMAL`).
///
/// It answers "how far is Taskforge from what the database can do?"; ``Baseline`` answers "how far
/// is the engine from its own schema?".
struct TrueLimit {
    /// Rows a loop claims at a time.
    static let claimBatch = 500

    let settings: BenchSettings
    let logger: Logger

    struct Result: Codable, Sendable {
        var insert: Throughput
        var claimComplete: Throughput
        var loops: Int
        var claimBatch: Int
    }

    func run(on database: BenchDatabase) async throws -> Result {
        let queue = try await database.minimal()
        do {
            let result = try await run(queue)
            await queue.close()
            return result
        } catch {
            await queue.close()
            throw error
        }
    }

    private func run(_ queue: any MinimalQueue) async throws -> Result {
        try await queue.create()
        let insert = try await BaselineLoops.insert(settings) { batch in try await queue.insert(count: batch.count) }
        progress("  true-limit insert \(Report.rate(insert.jobsPerSecond)) rows/s; claim-and-complete")

        let claimComplete = try await BaselineLoops.drain(settings, name: "true-limit loop") { _ in
            let ids = try await queue.claim(limit: Self.claimBatch)
            if !ids.isEmpty { try await queue.complete(ids) }
            return ids.count
        }
        let completed = claimComplete.jobs
        let succeeded = try await queue.succeededCount()
        guard completed == settings.jobs, succeeded == settings.jobs else {
            throw BenchError(
                "the true-limit loop completed \(completed) rows and \(succeeded) are succeeded, "
                    + "expected \(settings.jobs)")
        }
        return Result(
            insert: insert, claimComplete: claimComplete, loops: settings.baselineLoops, claimBatch: Self.claimBatch)
    }
}

/// The minimal queue table of ``TrueLimit`` on one database.
protocol MinimalQueue: Sendable {
    /// Creates the table and its indexes.
    func create() async throws
    /// Inserts `count` pending rows with one statement, each with its payload sent by the client.
    func insert(count: Int) async throws
    /// Claims up to `limit` pending rows, oldest first, with one statement.
    func claim(limit: Int) async throws -> [Int]
    /// Marks claimed rows succeeded with one statement.
    func complete(_ ids: [Int]) async throws
    /// How many rows are succeeded.
    func succeededCount() async throws -> Int
    func close() async
}

/// The payload of every row of the minimal queue: a no-op job's input, as text.
enum MinimalQueuePayload {
    static let json = NoopTask.job(0).input.canonicalString()
}
