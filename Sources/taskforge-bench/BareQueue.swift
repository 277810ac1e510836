import Foundation
import TaskRuntime

/// The queue pattern written directly in SQL on the database a store uses, with no Taskforge code
/// in between: what the database can do by itself, the baseline of every ratio.
///
/// The statements write the same columns as the store (so the same triggers fire and the same
/// indexes change) and take the same locks; they skip only what Taskforge adds around them.
protocol BareQueue: Sendable {
    /// Inserts pending jobs with one statement, returning nothing.
    func insert(_ jobs: [NewJob]) async throws

    /// Claims up to `limit` ready jobs of `queue` for `worker` in one statement, returning what a
    /// worker needs to run them (id, fence, input).
    func claim(queue: String, limit: Int, worker: String) async throws -> [BareClaim]

    /// Marks claimed jobs succeeded in one statement, fenced like the store's `finish`.
    func complete(_ claims: [BareClaim]) async throws

    /// Starts listening for ready jobs, where the database can notify (PostgreSQL).
    func startListening() async throws

    /// Returns when jobs may have become ready: at once where the database cannot notify (SQLite,
    /// where a worker in the same process is told directly), else on the next notification.
    func waitUntilReady(timeout: Duration) async

    /// How many jobs are in each state, the highest attempt count and the `succeeded` events logged.
    func counts() async throws -> StoreCounts

    /// The database's name and version, for the report.
    func databaseVersion() async throws -> String

    func close() async
}

/// A job claimed by the bare loop.
struct BareClaim: Sendable {
    var id: UUID
    var fence: Int
    var input: String
}

/// The end state of a benchmark's jobs, read with SQL.
struct StoreCounts: Codable, Sendable {
    var byState: [String: Int]
    /// The highest `attempt` of any job: 1 when no job was claimed twice.
    var maxAttempt: Int
    /// `succeeded` rows in the job event log.
    var succeededEvents: Int

    func total() -> Int { byState.values.reduce(0, +) }
}
