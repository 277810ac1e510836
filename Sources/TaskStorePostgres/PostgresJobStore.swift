import Foundation
import Logging
import PostgresNIO
import TaskRuntime

/// The production ``JobStore``: one PostgreSQL database shared by any number of processes.
///
/// Every operation is one SQL statement, so each is atomic on its own: claims lock ready rows with
/// `FOR UPDATE SKIP LOCKED` and flip them in the same `UPDATE ... RETURNING`, batches are inserted
/// from arrays with `unnest`, and triggers append the job event log and send
/// `NOTIFY taskforge_ready, '<queue>'` whenever jobs become pending. Statements that update several
/// running rows (a batched finish, a heartbeat, the lease rescue) lock them in `seq` order first, so
/// two of them touching the same rows from different connections wait for each other instead of
/// deadlocking.
///
/// The store owns its connection pool: ``connect(to:logger:migrate:)`` starts the pool's
/// `run()` loop and one connection that `LISTEN`s for ready jobs, cancel requests and, for live
/// views, changes (reconnecting
/// with backoff when it drops) in a background task, and ``close()`` stops them. It can therefore be
/// used before, inside and after a service group, like the SQLite store; close it after the last query.
public final class PostgresJobStore: JobStore {
    let client: PostgresClient
    let logger: Logger
    private let readySignals: SignalBroadcaster<String>
    private let cancelRequests: SignalBroadcaster<UUID>
    private let changeWatch: ChangeWatch
    private let background: Task<Void, Never>

    private init(
        client: PostgresClient, logger: Logger, readySignals: SignalBroadcaster<String>,
        cancelRequests: SignalBroadcaster<UUID>, changeWatch: ChangeWatch, background: Task<Void, Never>
    ) {
        self.client = client
        self.logger = logger
        self.readySignals = readySignals
        self.cancelRequests = cancelRequests
        self.changeWatch = changeWatch
        self.background = background
    }

    /// Connects to the database at `url`, waits until the notification listener is listening (so an
    /// unreachable database fails here), and applies pending migrations unless `migrate` is false.
    public static func connect(
        to url: PostgresURL, logger: Logger, migrate: Bool = true
    ) async throws -> PostgresJobStore {
        let client = PostgresClient(configuration: url.configuration, backgroundLogger: logger)
        let readySignals = SignalBroadcaster<String>()
        let cancelRequests = SignalBroadcaster<UUID>()
        let changeWatch = ChangeWatch(client: client, changes: SignalBroadcaster(), logger: logger)
        let listener = NotificationListener(
            client: client, ready: readySignals, cancels: cancelRequests, changes: changeWatch.changes, logger: logger)
        let (firstListen, firstListenResult) = AsyncStream.makeStream(of: Result<Void, any Error>.self)
        // Detached: the pool must outlive a service group's graceful shutdown (workers still give
        // their jobs back), so it must not inherit a caller's cancellation or shutdown task-locals.
        let background = Task.detached {
            await withDiscardingTaskGroup { group in
                // The listener's first lease waits until the pool runs (else postgres-nio warns).
                await withCheckedContinuation { running in
                    group.addTask {
                        running.resume()
                        await client.run()
                    }
                }
                group.addTask { await changeWatch.run() }
                await listener.run(reportingFirstAttemptTo: firstListenResult)
                group.cancelAll()
            }
        }
        let store = PostgresJobStore(
            client: client, logger: logger, readySignals: readySignals, cancelRequests: cancelRequests,
            changeWatch: changeWatch, background: background)
        do {
            for await result in firstListen {
                try result.get()
                break
            }
            if migrate { try await store.migrate() }
        } catch {
            await store.close()
            throw PostgresStoreError.cannotOpen(url: "\(url)", reason: String(reflecting: error))
        }
        logger.info("using the PostgreSQL store", metadata: ["database": "\(url)"])
        return store
    }

    /// Stops the listener and closes every connection; the store must not be used afterwards.
    public func close() async {
        background.cancel()
        await background.value
    }

    /// Applies the migrations this build knows and the database has not recorded yet, in one
    /// transaction that holds an advisory lock: processes starting at once apply each migration
    /// exactly once, the others wait and then find nothing to do.
    public func migrate() async throws {
        let logger = self.logger
        let applied = try await client.withTransaction(logger: logger) { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(\(PostgresMigrations.lockKey))", logger: logger)
            try await connection.query(
                """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())
                """, logger: logger)
            let recorded = try await connection.query("SELECT version FROM schema_migrations", logger: logger)
            let done = Set(try await recorded.collect().map { try $0.decode(Int.self) })
            let pending = PostgresMigrations.all.filter { !done.contains($0.version) }
            for migration in pending {
                for statement in migration.statements {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await connection.query(
                    "INSERT INTO schema_migrations (version, name) VALUES (\(migration.version), \(migration.name))",
                    logger: logger)
            }
            return pending.map { (version: $0.version, name: $0.name) }
        }
        for migration in applied {
            logger.info(
                "applied migration", metadata: ["version": "\(migration.version)", "name": "\(migration.name)"])
        }
    }

    /// Runs one statement and collects its rows, describing a failure with the database's message.
    @discardableResult
    func rows(_ query: PostgresQuery) async throws -> [PostgresRow] {
        try await client.rows(query, logger: logger)
    }

    /// Runs one prepared statement of the hot path and collects its rows.
    @discardableResult
    func rows<Statement: FixedTextStatement>(_ statement: Statement) async throws -> [PostgresRow] {
        try await client.rows(statement, logger: logger)
    }

    // MARK: JobStore

    public func enqueue(_ jobs: [NewJob]) async throws -> [Job] {
        guard !jobs.isEmpty else { return [] }
        let insert = InsertStatement(query: Self.insertStatement(jobs))
        // Jobs that read datasets hold them (FOR SHARE) while their links are inserted, so that a
        // concurrent deletion either waits for them and finds them, or went first and refuses them.
        let rows =
            if jobs.allSatisfy({ $0.datasets.isEmpty }) {
                try await rows(insert)
            } else {
                try await transaction { connection, logger in
                    let rows = try await connection.rows(insert, logger: logger)
                    try await Self.insertDatasetLinks(of: jobs, on: connection, logger: logger)
                    return rows
                }
            }
        let stored = try rows.map(Job.init(row:))
        let order = Dictionary(uniqueKeysWithValues: jobs.enumerated().map { ($1.id, $0) })
        return stored.sorted { (order[$0.id] ?? 0) < (order[$1.id] ?? 0) }
    }

    /// The jobs and their declared files, inserted in one statement whose text is the same for any
    /// number of jobs (``InsertStatement``).
    static func insertStatement(_ jobs: [NewJob]) -> PostgresQuery {
        // The declared files of every job, flattened: one row per (job, file).
        let files = jobs.flatMap { job in job.files.enumerated().map { (job: job.id, position: $0, file: $1) } }
        return """
            WITH inserted AS (
                INSERT INTO jobs (id, task, version, queue, priority, state, input, max_attempts, run_at, owner, timeout_ms)
                SELECT id, task, version, queue, priority, state, input::jsonb, max_attempts, run_at, NULLIF(owner, ''),
                    NULLIF(timeout_ms, -1)
                FROM unnest(
                    \(jobs.map(\.id))::uuid[], \(jobs.map(\.task))::text[], \(jobs.map(\.version))::int8[],
                    \(jobs.map(\.queue))::text[], \(jobs.map(\.priority))::int8[], \(jobs.map(\.initialState.rawValue))::text[],
                    \(jobs.map { $0.input.canonicalString() })::text[], \(jobs.map(\.maxAttempts))::int8[],
                    \(jobs.map(\.runAt))::timestamptz[], \(jobs.map { $0.owner ?? "" })::text[],
                    \(jobs.map { $0.timeout.map { $0.roundedMilliseconds } ?? -1 })::int8[]
                ) WITH ORDINALITY
                    AS batch (
                        id, task, version, queue, priority, state, input, max_attempts, run_at, owner, timeout_ms, position)
                ORDER BY position
                RETURNING \(unescaped: Job.columns)),
            declared AS (
                INSERT INTO job_files (job_id, position, name, required)
                SELECT * FROM unnest(
                    \(files.map(\.job))::uuid[], \(files.map(\.position))::int8[], \(files.map(\.file.name))::text[],
                    \(files.map(\.file.required))::bool[]))
            SELECT * FROM inserted
            """
    }

    public func job(id: UUID) async throws -> Job? {
        try await rows("SELECT * FROM jobs WHERE id = \(id)").first.map(Job.init(row:))
    }

    public func jobs(matching query: JobQuery) async throws -> JobPage {
        var (filter, binds) = Self.filter(query)
        binds.append(query.limit + 1)
        let rows = try await rows(
            PostgresQuery(
                unsafeSQL: "SELECT * FROM jobs \(filter) ORDER BY seq DESC LIMIT $\(binds.count)", binds: binds))
        let jobs = try rows.prefix(query.limit).map(Job.init(row:))
        return JobPage(jobs: jobs, nextBefore: rows.count > query.limit ? jobs.last?.sequence : nil)
    }

    /// Counts at most `limit` rows, so a count over a huge table stays bounded.
    public func countJobs(matching query: JobQuery, upTo limit: Int) async throws -> Int {
        var (filter, binds) = Self.filter(query)
        binds.append(limit)
        let rows = try await rows(
            PostgresQuery(
                unsafeSQL:
                    "SELECT count(*)::bigint FROM (SELECT 1 FROM jobs \(filter) LIMIT $\(binds.count)) AS matching",
                binds: binds))
        return Int(try rows.first?.decode(Int64.self) ?? 0)
    }

    /// The `WHERE` clause of a ``JobQuery`` (without its limit) and its bindings.
    private static func filter(_ query: JobQuery) -> (String, PostgresBindings) {
        var conditions: [String] = []
        var binds = PostgresBindings()
        if let task = query.task {
            binds.append(task)
            conditions.append("task = $\(binds.count)")
        }
        if let state = query.state {
            binds.append(state.rawValue)
            conditions.append("state = $\(binds.count)")
        }
        if let queue = query.queue {
            binds.append(queue)
            conditions.append("queue = $\(binds.count)")
        }
        if let prefix = query.idPrefix {
            binds.append(prefix.lowerBound)
            binds.append(prefix.upperBound)
            conditions.append("id BETWEEN $\(binds.count - 1)::uuid AND $\(binds.count)::uuid")
        }
        if let before = query.before {
            binds.append(before)
            conditions.append("seq < $\(binds.count)")
        }
        if let owner = query.owner {
            binds.append(owner)
            conditions.append("owner = $\(binds.count)")
        }
        if let from = query.createdFrom {
            binds.append(from)
            conditions.append("created_at >= $\(binds.count)")
        }
        if let before = query.createdBefore {
            binds.append(before)
            conditions.append("created_at < $\(binds.count)")
        }
        if let input = query.input {
            conditions.append(searchCondition(input, binds: &binds))
        }
        return (conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "), binds)
    }

    public func recordAction(_ action: JobAction) async throws {
        _ = try await rows(
            """
            INSERT INTO job_actions (job_id, at, action, actor)
            VALUES (\(action.jobID), \(action.at), \(action.kind.rawValue), \(action.actor))
            """)
    }

    public func actions(forJob id: UUID) async throws -> [JobAction] {
        try await rows("SELECT at, action, actor FROM job_actions WHERE job_id = \(id) ORDER BY seq").map { row in
            let (at, action, actor) = try row.decode((Date, String, String?).self)
            guard let kind = JobAction.Kind(rawValue: action) else { throw PostgresStoreError.malformedAction(action) }
            return JobAction(jobID: id, at: at, kind: kind, actor: actor)
        }
    }

    public func events(forJob id: UUID) async throws -> [JobEvent] {
        try await rows("SELECT * FROM job_events WHERE job_id = \(id) ORDER BY seq").map(JobEvent.init(row:))
    }

    public func claim(_ request: ClaimRequest) async throws -> ClaimResult {
        guard !request.queues.isEmpty, request.limit > 0 else { return ClaimResult(jobs: []) }
        guard request.rateLimits.isEmpty else { return try await claimRateLimited(request) }
        return ClaimResult(
            jobs: try await rows(ClaimStatement(query: Self.claimStatement(request))).map(Job.init(row:)))
    }

    /// The one statement that starts attempts: the best `limit` of the ready jobs, taking at most as
    /// many jobs of a rate-limited task as its bucket holds whole tokens, and a token per job started.
    ///
    /// The request's buckets are locked first, in key order, and refilled to `now()`; concurrent claims
    /// on a key queue on its bucket's row lock and see the tokens the previous one left, so a token is
    /// never handed out twice. One statement, not a transaction of several, so a claim that loses its
    /// connection fails as a whole instead of leaving a half-run transaction behind. Claims without
    /// rate limits lock no bucket. Paused queues are left out (`wanted`). Ready jobs are looked up
    /// per queue (LATERAL) so that each lookup walks the jobs_ready index in claim order; with
    /// `queue = ANY(...)` PostgreSQL scans and sorts every pending job instead. Rows locked beyond the best `limit` stay locked (skipped by others)
    /// until the statement ends.
    ///
    /// A claim's commit does not wait for its WAL to reach the disk (`synchronous_commit` off for
    /// this transaction alone, `relaxed`): a claim lost to a database crash leaves its jobs pending,
    /// their attempt unspent, and they run again, as jobs of a worker that died do. Nothing that
    /// must survive is written by a claim; the result of every attempt is committed durably (and
    /// its commit flushes the claim's WAL with it).
    ///
    /// Its text is the same for every request: it runs as a prepared statement (``ClaimStatement``).
    static func claimStatement(_ request: ClaimRequest) -> PostgresQuery {
        let rules = request.rateLimits
        let limited = rules.flatMap { rule in rule.tasks.map { (task: $0, key: rule.key) } }
        let queues = Array(Set(request.queues)).sorted()
        return """
            WITH relaxed AS MATERIALIZED (SELECT set_config('synchronous_commit', 'off', true)),
            rule AS (
                SELECT * FROM unnest(\(rules.map(\.key))::text[], \(rules.map(\.perSecond))::float8[],
                    \(rules.map { Double($0.burst) })::float8[]) AS rule (key, per_second, burst)),
            limited_task AS (
                SELECT * FROM unnest(\(limited.map(\.task))::text[], \(limited.map(\.key))::text[]) AS limited_task (task, key)),
            locked AS MATERIALIZED (
                SELECT key, tokens, refilled_at FROM rate_buckets
                WHERE key = ANY(\(rules.map(\.key))::text[]) ORDER BY key FOR UPDATE),
            bucket AS MATERIALIZED (
                SELECT locked.key, LEAST(rule.burst,
                    locked.tokens + GREATEST(extract(epoch FROM now() - locked.refilled_at)::float8, 0) * rule.per_second) AS available
                FROM locked JOIN rule ON rule.key = locked.key),
            wanted AS (
                SELECT queue FROM unnest(\(queues)::text[]) AS requested (queue) CROSS JOIN relaxed
                WHERE queue NOT IN (SELECT queue FROM paused_queues)),
            unlimited AS (
                SELECT ready.seq, ready.priority, ready.run_at, NULL::text AS key
                FROM wanted CROSS JOIN LATERAL (
                    SELECT seq, priority, run_at FROM jobs
                    WHERE state = 'pending' AND jobs.queue = wanted.queue AND run_at <= now()
                        AND task <> ALL(\(limited.map(\.task))::text[])
                    ORDER BY priority DESC, run_at, seq LIMIT \(request.limit)
                    FOR UPDATE SKIP LOCKED) AS ready),
            allowed AS (
                SELECT ready.seq, ready.priority, ready.run_at, bucket.key
                FROM bucket CROSS JOIN LATERAL (
                    SELECT seq, priority, run_at FROM jobs
                    WHERE state = 'pending' AND jobs.queue IN (SELECT queue FROM wanted) AND run_at <= now()
                        AND task IN (SELECT task FROM limited_task WHERE limited_task.key = bucket.key)
                    ORDER BY priority DESC, run_at, seq LIMIT LEAST(GREATEST(floor(bucket.available), 0)::int8, \(request.limit))
                    FOR UPDATE SKIP LOCKED) AS ready),
            chosen AS MATERIALIZED (
                SELECT * FROM (SELECT * FROM unlimited UNION ALL SELECT * FROM allowed) AS candidates
                ORDER BY priority DESC, run_at, seq LIMIT \(request.limit)),
            spent AS (
                UPDATE rate_buckets SET refilled_at = now(),
                    tokens = bucket.available - (SELECT count(*) FROM chosen WHERE chosen.key = bucket.key)
                FROM bucket WHERE rate_buckets.key = bucket.key),
            claimed AS (
                UPDATE jobs SET state = 'running', attempt = attempt + 1, fence = fence + 1,
                    started_at = now(), heartbeat_at = now(), lease_owner = \(request.worker),
                    lease_expires_at = now() + make_interval(secs => \(request.leaseDuration.seconds)),
                    cancel_requested = false
                WHERE seq IN (SELECT seq FROM chosen)
                RETURNING \(unescaped: Job.columns))
            SELECT * FROM claimed ORDER BY priority DESC, run_at, seq
            """
    }

    public func heartbeat(_ leases: [Lease], leaseDuration: Duration) async throws -> [Lease: LeaseStatus] {
        guard !leases.isEmpty else { return [:] }
        let rows = try await rows(
            """
            WITH locked AS (
                SELECT jobs.seq FROM jobs
                JOIN unnest(\(leases.map(\.jobID))::uuid[], \(leases.map(\.fence))::int8[]) AS held (id, fence)
                    ON jobs.id = held.id AND jobs.fence = held.fence
                WHERE jobs.state = 'running'
                ORDER BY jobs.seq FOR UPDATE OF jobs)
            UPDATE jobs SET heartbeat_at = now(), lease_expires_at = now() + make_interval(secs => \(leaseDuration.seconds))
            WHERE seq IN (SELECT seq FROM locked)
            RETURNING id, fence, cancel_requested
            """)
        var statuses: [Lease: LeaseStatus] = [:]
        for row in rows {
            let (id, fence, cancelRequested) = try row.decode((UUID, Int, Bool).self)
            statuses[Lease(jobID: id, fence: fence)] = LeaseStatus(cancelRequested: cancelRequested)
        }
        return statuses
    }

    @discardableResult
    public func reportProgress(_ lease: Lease, progress: Double, stage: String?) async throws -> Bool {
        try await !rows(
            """
            UPDATE jobs SET progress = \(progress), stage = COALESCE(\(stage)::text, stage)
            WHERE id = \(lease.jobID) AND fence = \(lease.fence) AND state = 'running' RETURNING seq
            """
        ).isEmpty
    }

    public func requestCancel(id: UUID) async throws -> CancelResult {
        let cancelled = try await rows(
            """
            UPDATE jobs SET state = 'cancelled', error = \(try JobError.cancelledByRequest.canonicalJSON())::jsonb, finished_at = now()
            WHERE id = \(id) AND state IN ('pending', 'waiting') RETURNING *
            """)
        if let row = cancelled.first { return .cancelled(try Job(row: row)) }
        // The notification leaves with the update's commit, to every store's listener.
        let requested = try await rows(
            """
            WITH requested AS (
                UPDATE jobs SET cancel_requested = true WHERE id = \(id) AND state = 'running' RETURNING *)
            SELECT requested.* FROM requested
            CROSS JOIN LATERAL pg_notify(\(PostgresMigrations.cancelChannel), requested.id::text)
            """)
        if let row = requested.first { return .requested(try Job(row: row)) }
        guard let job = try await job(id: id) else { return .notFound }
        return job.state.isTerminal ? .alreadyFinished(job) : try await requestCancel(id: id)
    }

    @discardableResult
    public func rescueExpiredLeases(now: Date) async throws -> [Job] {
        // SKIP LOCKED: a row locked by a heartbeat or a finish is being looked after right now.
        return try await rows(
            """
            WITH expired AS (
                SELECT seq FROM jobs WHERE state = 'running' AND lease_expires_at < \(now)
                ORDER BY seq FOR UPDATE SKIP LOCKED)
            UPDATE jobs SET
                state = CASE WHEN attempt < max_attempts THEN 'pending' ELSE 'failed' END,
                finished_at = CASE WHEN attempt < max_attempts THEN NULL ELSE \(now) END,
                error = \(try JobError.workerLost.canonicalJSON())::jsonb, lease_owner = NULL, lease_expires_at = NULL
            WHERE seq IN (SELECT seq FROM expired)
            RETURNING *
            """
        ).map(Job.init(row:))
    }

    public func unfinishedJobCounts() async throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for row in try await rows(
            "SELECT task, count(*)::bigint AS n FROM jobs WHERE state IN ('pending', 'running') GROUP BY task")
        {
            let (task, count) = try row.decode((String, Int64).self)
            counts[task] = Int(count)
        }
        return counts
    }

    public func readyJobSignals() -> AsyncStream<String> {
        readySignals.subscribe()
    }

    /// Fed by `LISTEN`/`NOTIFY`: this process's watch row is written before the stream is returned,
    /// so every change committed after that is announced (see ``ChangeWatch``).
    public func changeFeed() async throws -> AsyncStream<Void>? {
        let stream = changeWatch.changes.subscribe()
        try await changeWatch.register()
        return stream
    }

    public func cancelSignals() -> AsyncStream<UUID> {
        cancelRequests.subscribe()
    }
}

/// A failure of the PostgreSQL store, described with the database's own message (postgres-nio's
/// errors describe themselves only generically, so logs would not say what went wrong).
public enum PostgresStoreError: Error, CustomStringConvertible {
    /// The store could not listen or migrate when it opened.
    case cannotOpen(url: String, reason: String)
    /// A statement failed: postgres-nio's error code, the server's SQLSTATE and message when the
    /// server answered, and the underlying cause; never the query's bound values (a job's input).
    case statement(code: String, sqlState: String?, message: String?, underlying: String?)
    /// A rate bucket was deleted while a claim spent from it.
    case rateBucketVanished(key: String)
    /// A row holds a value this version does not know (written by a newer one).
    case malformedAction(String)

    /// The failure of a statement.
    init(_ error: PSQLError) {
        self = .statement(
            code: "\(error.code)", sqlState: error.serverInfo?[.sqlState], message: error.serverInfo?[.message],
            underlying: error.underlying.map { "\($0)" })
    }

    /// The server's SQLSTATE, when a statement failed there (`23505` for a unique violation).
    public var sqlState: String? {
        if case .statement(_, let sqlState, _, _) = self { sqlState } else { nil }
    }

    public var description: String {
        switch self {
        case .cannotOpen(let url, let reason):
            return "cannot open the job store at \(url): \(reason)"
        case .statement(let code, let sqlState, let message, let underlying):
            var parts = ["PostgreSQL error (\(code))"]
            if let message { parts.append("\(sqlState.map { "[\($0)] " } ?? "")\(message)") }
            if let underlying { parts.append(underlying) }
            return parts.joined(separator: ": ")
        case .rateBucketVanished(let key):
            return "the rate bucket '\(key)' vanished while it was spent from"
        case .malformedAction(let action):
            return "a job action '\(action)' that this version does not know"
        }
    }
}

extension PostgresClient {
    /// Runs one statement and collects its rows; a failure is a ``PostgresStoreError`` with the
    /// database's message, never the statement's bound values.
    @discardableResult
    func rows(_ query: PostgresQuery, logger: Logger) async throws -> [PostgresRow] {
        do {
            return try await self.query(query, logger: logger).collect()
        } catch let error as PSQLError {
            throw PostgresStoreError(error)
        }
    }
}
