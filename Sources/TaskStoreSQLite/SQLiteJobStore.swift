import Foundation
import Logging
import SQLiteNIO
import TaskRuntime

/// The embedded ``JobStore``: one SQLite file in WAL mode.
///
/// Every operation is a single SQL statement (claims use `UPDATE ... RETURNING`, a batched finish
/// `UPDATE ... FROM` a `VALUES` list), so each is atomic without explicit transactions, and the job
/// event log is written (or, for a deleted job, deleted) by triggers in the same statement. Several
/// processes may share the file (`busy_timeout` makes writers queue); ready-job and cancel signals
/// reach only the workers of this process, the others learn from polling and heartbeats.
public final class SQLiteJobStore: JobStore {
    private let main: ThreadedConnection
    var connection: SQLiteConnection { main.connection }
    let transactions: SQLiteTransactions
    let readySignals = SignalBroadcaster<String>()
    private let cancelRequests = SignalBroadcaster<UUID>()

    private init(main: ThreadedConnection, transactions: SQLiteTransactions) {
        self.main = main
        self.transactions = transactions
    }

    /// Opens (creating if needed) the database at `path` and applies pending migrations unless
    /// `migrate` is false.
    public static func open(path: String, logger: Logger, migrate: Bool = true) async throws -> SQLiteJobStore {
        let main = try await ThreadedConnection.open(path: path, logger: logger) { connection in
            try await configure(connection)
            if migrate { try await Self.migrate(connection, logger: logger) }
        }
        do {
            let transactions = try await SQLiteTransactions.open(path: path, logger: logger, prepare: configure)
            return SQLiteJobStore(main: main, transactions: transactions)
        } catch {
            try? await main.close()
            throw error
        }
    }

    private static func configure(_ connection: SQLiteConnection) async throws {
        for pragma in ["PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL", "PRAGMA busy_timeout = 10000"] {
            _ = try await connection.query(pragma)
        }
    }

    /// Closes the connection; the store must not be used afterwards.
    public func close() async throws {
        try await transactions.close()
        try await main.close()
    }

    private static func migrate(_ connection: SQLiteConnection, logger: Logger) async throws {
        _ = try await connection.query(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)"
        )
        _ = try await connection.query("BEGIN IMMEDIATE")
        do {
            let applied = Set(
                try await connection.query("SELECT version FROM schema_migrations").compactMap {
                    $0.column("version")?.integer
                })
            for migration in SQLiteMigrations.all where !applied.contains(migration.version) {
                for statement in migration.statements {
                    _ = try await connection.query(statement)
                }
                _ = try await connection.query(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                    [.integer(migration.version), .text(migration.name), .integer(Int(Date().microseconds))])
                logger.info(
                    "applied migration", metadata: ["version": "\(migration.version)", "name": "\(migration.name)"])
            }
            _ = try await connection.query("COMMIT")
        } catch {
            _ = try? await connection.query("ROLLBACK")
            throw error
        }
    }

    // MARK: JobStore

    public func enqueue(_ jobs: [NewJob]) async throws -> [Job] {
        guard !jobs.isEmpty else { return [] }
        let now = Date().microseconds
        let placeholders = Array(repeating: "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", count: jobs.count)
            .joined(separator: ", ")
        var binds: [SQLiteData] = []
        for job in jobs {
            binds += [
                .text(job.id.lowercasedString), .text(job.task), .integer(job.version), .text(job.queue),
                .integer(job.priority), .text(job.initialState.rawValue), .text(job.input.canonicalString()),
                .integer(job.maxAttempts), .integer(Int(now)), .integer(Int(job.runAt.microseconds)),
                job.owner.map { .text($0) } ?? .null, job.timeout.map { .integer($0.roundedMilliseconds) } ?? .null,
            ]
        }
        let insert = """
            INSERT INTO jobs (
                id, task, version, queue, priority, state, input, max_attempts, created_at, run_at, owner, timeout_ms)
            VALUES \(placeholders) RETURNING *
            """
        // Jobs with files or datasets are inserted with their file and dataset rows in one transaction.
        let rows =
            if jobs.allSatisfy({ $0.files.isEmpty && $0.datasets.isEmpty }) {
                try await connection.query(insert, binds)
            } else {
                try await transactions.run { [binds] connection in
                    let rows = try await connection.query(insert, binds)
                    try await Self.insertFiles(of: jobs, on: connection)
                    try await Self.insertDatasetLinks(of: jobs, on: connection)
                    return rows
                }
            }
        let stored = try rows.map(Job.init(row:))
        for queue in Set(jobs.map(\.queue)) { readySignals.broadcast(queue) }
        let order = Dictionary(uniqueKeysWithValues: jobs.enumerated().map { ($1.id, $0) })
        return stored.sorted { (order[$0.id] ?? 0) < (order[$1.id] ?? 0) }
    }

    public func job(id: UUID) async throws -> Job? {
        try await connection.query("SELECT * FROM jobs WHERE id = ?", [.text(id.lowercasedString)])
            .first.map(Job.init(row:))
    }

    public func jobs(matching query: JobQuery) async throws -> JobPage {
        var (filter, binds) = Self.filter(query)
        binds.append(.integer(query.limit + 1))
        let rows = try await connection.query("SELECT * FROM jobs \(filter) ORDER BY seq DESC LIMIT ?", binds)
        let jobs = try rows.prefix(query.limit).map(Job.init(row:))
        return JobPage(jobs: jobs, nextBefore: rows.count > query.limit ? jobs.last?.sequence : nil)
    }

    /// Counts at most `limit` rows, so a count over a huge table stays bounded.
    public func countJobs(matching query: JobQuery, upTo limit: Int) async throws -> Int {
        var (filter, binds) = Self.filter(query)
        binds.append(.integer(limit))
        let rows = try await connection.query("SELECT count(*) AS n FROM (SELECT 1 FROM jobs \(filter) LIMIT ?)", binds)
        return try rows.first?.required("n", \.integer) ?? 0
    }

    /// The `WHERE` clause of a ``JobQuery`` (without its limit) and its bindings.
    private static func filter(_ query: JobQuery) -> (String, [SQLiteData]) {
        var conditions: [String] = []
        var binds: [SQLiteData] = []
        if let task = query.task {
            conditions.append("task = ?")
            binds.append(.text(task))
        }
        if let state = query.state {
            conditions.append("state = ?")
            binds.append(.text(state.rawValue))
        }
        if let queue = query.queue {
            conditions.append("queue = ?")
            binds.append(.text(queue))
        }
        if let prefix = query.idPrefix {
            conditions.append("id BETWEEN ? AND ?")
            binds += [.text(prefix.lowerBound), .text(prefix.upperBound)]
        }
        if let before = query.before {
            conditions.append("seq < ?")
            binds.append(.integer(Int(before)))
        }
        if let owner = query.owner {
            conditions.append("owner = ?")
            binds.append(.text(owner))
        }
        if let from = query.createdFrom {
            conditions.append("created_at >= ?")
            binds.append(.integer(Int(from.microseconds)))
        }
        if let before = query.createdBefore {
            conditions.append("created_at < ?")
            binds.append(.integer(Int(before.microseconds)))
        }
        if let input = query.input {
            conditions.append(searchCondition(input, binds: &binds))
        }
        return (conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "), binds)
    }

    public func recordAction(_ action: JobAction) async throws {
        _ = try await connection.query(
            "INSERT INTO job_actions (job_id, at, action, actor) VALUES (?, ?, ?, ?)",
            [
                .text(action.jobID.lowercasedString), .integer(Int(action.at.microseconds)),
                .text(action.kind.rawValue),
                action.actor.map(SQLiteData.text) ?? .null,
            ])
    }

    public func actions(forJob id: UUID) async throws -> [JobAction] {
        try await connection.query(
            "SELECT * FROM job_actions WHERE job_id = ? ORDER BY seq", [.text(id.lowercasedString)]
        ).map { row in
            guard let kind = JobAction.Kind(rawValue: try row.required("action", \.string)) else {
                throw MalformedRow(column: "action")
            }
            return JobAction(jobID: id, at: try row.date("at"), kind: kind, actor: row.optional("actor", \.string))
        }
    }

    public func events(forJob id: UUID) async throws -> [JobEvent] {
        try await connection.query(
            "SELECT * FROM job_events WHERE job_id = ? ORDER BY seq", [.text(id.lowercasedString)]
        ).map(JobEvent.init(row:))
    }

    public func claim(_ request: ClaimRequest) async throws -> ClaimResult {
        guard !request.queues.isEmpty, request.limit > 0 else { return ClaimResult(jobs: []) }
        guard request.rateLimits.isEmpty else { return try await claimRateLimited(request) }
        return ClaimResult(jobs: try await Self.claim(request, tokens: [:], now: Date(), on: connection))
    }

    /// The one statement that starts attempts: the best `limit` of the ready jobs of tasks without a
    /// rate limit and, per rate limit key, of at most `tokens[key]` ready jobs of its tasks, on the
    /// requested queues that are not paused.
    static func claim(
        _ request: ClaimRequest, tokens: [String: Int], now: Date, on connection: SQLiteConnection
    ) async throws -> [Job] {
        var binds: [SQLiteData] = [
            .integer(Int(now.microseconds)), .text(request.worker),
            .integer(Int(now.addingTimeInterval(request.leaseDuration.seconds).microseconds)), .integer(request.limit),
        ]
        func list(_ values: [String]) -> String {
            values.map { value in
                binds.append(.text(value))
                return "?\(binds.count)"
            }.joined(separator: ", ")
        }
        func ready(_ condition: String, limit: String) -> String {
            """
            SELECT * FROM (
                SELECT seq, priority, run_at FROM jobs WHERE state = 'pending' AND run_at <= ?1 AND queue IN (\(queues))
                    AND queue NOT IN (SELECT queue FROM paused_queues)
                    AND \(condition) ORDER BY priority DESC, run_at, seq LIMIT \(limit))
            """
        }
        let queues = list(request.queues)
        var candidates = [ready("task NOT IN (\(list(request.rateLimits.flatMap(\.tasks))))", limit: "?4")]
        for rule in request.rateLimits {
            guard let granted = tokens[rule.key], granted > 0 else { continue }
            candidates.append(ready("task IN (\(list(rule.tasks)))", limit: "\(granted)"))
        }
        let rows = try await connection.query(
            """
            UPDATE jobs SET state = 'running', attempt = attempt + 1, fence = fence + 1,
                started_at = ?1, heartbeat_at = ?1, lease_owner = ?2, lease_expires_at = ?3, cancel_requested = 0
            WHERE seq IN (
                SELECT seq FROM (\(candidates.joined(separator: " UNION ALL ")))
                ORDER BY priority DESC, run_at, seq LIMIT ?4)
            RETURNING *
            """, binds)
        return try rows.map(Job.init(row:)).sorted {
            ($0.priority, $1.runAt, $1.sequence) > ($1.priority, $0.runAt, $0.sequence)
        }
    }

    public func heartbeat(_ leases: [Lease], leaseDuration: Duration) async throws -> [Lease: LeaseStatus] {
        guard !leases.isEmpty else { return [:] }
        let now = Date()
        let pairs = Array(repeating: "(?, ?)", count: leases.count).joined(separator: ", ")
        let rows = try await connection.query(
            """
            UPDATE jobs SET heartbeat_at = ?, lease_expires_at = ?
            WHERE state = 'running' AND (id, fence) IN (VALUES \(pairs))
            RETURNING id, fence, cancel_requested
            """,
            [
                .integer(Int(now.microseconds)),
                .integer(Int(now.addingTimeInterval(leaseDuration.seconds).microseconds)),
            ]
                + leases.flatMap { [SQLiteData.text($0.jobID.lowercasedString), .integer($0.fence)] })
        var statuses: [Lease: LeaseStatus] = [:]
        for row in rows {
            guard let id = row.column("id")?.string.flatMap(UUID.init(uuidString:)),
                let fence = row.column("fence")?.integer
            else { continue }
            statuses[Lease(jobID: id, fence: fence)] = LeaseStatus(
                cancelRequested: row.column("cancel_requested")?.bool ?? false)
        }
        return statuses
    }

    public func reportProgress(_ lease: Lease, progress: Double, stage: String?) async throws -> Bool {
        try await !connection.query(
            """
            UPDATE jobs SET progress = ?, stage = COALESCE(?, stage)
            WHERE id = ? AND fence = ? AND state = 'running' RETURNING seq
            """,
            [.float(progress), stage.map(SQLiteData.text) ?? .null] + lease.binds
        ).isEmpty
    }

    public func requestCancel(id: UUID) async throws -> CancelResult {
        let idBind = SQLiteData.text(id.lowercasedString)
        let cancelled = try await connection.query(
            """
            UPDATE jobs SET state = 'cancelled', error = ?, finished_at = ?
            WHERE id = ? AND state IN ('pending', 'waiting') RETURNING *
            """,
            [try JobError.cancelledByRequest.sqliteText(), .integer(Int(Date().microseconds)), idBind])
        if let row = cancelled.first { return .cancelled(try Job(row: row)) }
        let requested = try await connection.query(
            "UPDATE jobs SET cancel_requested = 1 WHERE id = ? AND state = 'running' RETURNING *", [idBind])
        if let row = requested.first {
            cancelRequests.broadcast(id)
            return .requested(try Job(row: row))
        }
        guard let job = try await job(id: id) else { return .notFound }
        return job.state.isTerminal ? .alreadyFinished(job) : try await requestCancel(id: id)
    }

    public func rescueExpiredLeases(now: Date) async throws -> [Job] {
        let nowBind = SQLiteData.integer(Int(now.microseconds))
        let rows = try await connection.query(
            """
            UPDATE jobs SET
                state = CASE WHEN attempt < max_attempts THEN 'pending' ELSE 'failed' END,
                finished_at = CASE WHEN attempt < max_attempts THEN NULL ELSE ?1 END,
                error = ?2, lease_owner = NULL, lease_expires_at = NULL
            WHERE state = 'running' AND lease_expires_at < ?1
            RETURNING *
            """, [nowBind, try JobError.workerLost.sqliteText()])
        let rescued = try rows.map(Job.init(row:))
        for queue in Set(rescued.filter { $0.state == .pending }.map(\.queue)) { readySignals.broadcast(queue) }
        return rescued
    }

    public func unfinishedJobCounts() async throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for row in try await connection.query(
            "SELECT task, count(*) AS n FROM jobs WHERE state IN ('pending', 'running') GROUP BY task")
        {
            counts[try row.required("task", \.string)] = try row.required("n", \.integer)
        }
        return counts
    }

    public func readyJobSignals() -> AsyncStream<String> {
        readySignals.subscribe()
    }

    /// `nil`: a worker in another process writes to the same file and tells this one nothing, so
    /// live views poll.
    public func changeFeed() async throws -> AsyncStream<Void>? {
        nil
    }

    public func cancelSignals() -> AsyncStream<UUID> {
        cancelRequests.subscribe()
    }
}

extension JobError {
    func sqliteText() throws -> SQLiteData {
        .text(try canonicalJSON())
    }
}

extension Lease {
    var binds: [SQLiteData] { [.text(jobID.lowercasedString), .integer(fence)] }
}
