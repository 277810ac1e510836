/// The SQLite schema, as an ordered list of migrations. Applied migrations are recorded in
/// `schema_migrations`; a migration, once released, is never edited: add a new one.
enum SQLiteMigrations {
    struct Migration {
        var version: Int
        var name: String
        var statements: [String]
    }

    /// Microseconds since 1970, as SQL, for triggers.
    static let nowMicros = "CAST((julianday('now') - 2440587.5) * 86400000000 AS INTEGER)"

    static let all: [Migration] = [
        Migration(
            version: 1, name: "jobs and job events",
            statements: [
                """
                CREATE TABLE jobs (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    id TEXT NOT NULL UNIQUE,
                    task TEXT NOT NULL,
                    version INTEGER NOT NULL,
                    queue TEXT NOT NULL,
                    priority INTEGER NOT NULL DEFAULT 0,
                    state TEXT NOT NULL,
                    stage TEXT,
                    progress REAL NOT NULL DEFAULT 0,
                    input TEXT NOT NULL,
                    output TEXT,
                    error TEXT,
                    attempt INTEGER NOT NULL DEFAULT 0,
                    max_attempts INTEGER NOT NULL,
                    created_at INTEGER NOT NULL,
                    run_at INTEGER NOT NULL,
                    started_at INTEGER,
                    finished_at INTEGER,
                    heartbeat_at INTEGER,
                    lease_owner TEXT,
                    lease_expires_at INTEGER,
                    fence INTEGER NOT NULL DEFAULT 0,
                    cancel_requested INTEGER NOT NULL DEFAULT 0
                )
                """,
                "CREATE INDEX jobs_ready ON jobs (queue, priority DESC, run_at, seq) WHERE state = 'pending'",
                "CREATE INDEX jobs_leases ON jobs (lease_expires_at) WHERE state = 'running'",
                "CREATE INDEX jobs_by_task ON jobs (task, seq)",
                "CREATE INDEX jobs_by_state ON jobs (state, seq)",
                """
                CREATE TABLE job_events (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    job_id TEXT NOT NULL,
                    at INTEGER NOT NULL,
                    state TEXT NOT NULL,
                    stage TEXT,
                    progress REAL NOT NULL,
                    attempt INTEGER NOT NULL,
                    error TEXT
                )
                """,
                "CREATE INDEX job_events_by_job ON job_events (job_id, seq)",
                """
                CREATE TRIGGER jobs_log_insert AFTER INSERT ON jobs BEGIN
                    INSERT INTO job_events (job_id, at, state, stage, progress, attempt, error)
                    VALUES (NEW.id, NEW.created_at, NEW.state, NEW.stage, NEW.progress, NEW.attempt, NEW.error);
                END
                """,
                """
                CREATE TRIGGER jobs_log_update AFTER UPDATE OF state, stage, attempt ON jobs
                WHEN OLD.state IS NOT NEW.state OR OLD.stage IS NOT NEW.stage OR OLD.attempt IS NOT NEW.attempt
                BEGIN
                    INSERT INTO job_events (job_id, at, state, stage, progress, attempt, error)
                    VALUES (NEW.id, \(nowMicros), NEW.state, NEW.stage, NEW.progress, NEW.attempt, NEW.error);
                END
                """,
            ]),
        Migration(
            version: 2, name: "the handler version that ran a job",
            statements: ["ALTER TABLE jobs ADD COLUMN handler_version INTEGER"]),
        Migration(
            version: 3, name: "crash counts; pruning finished jobs with their events",
            statements: [
                "ALTER TABLE jobs ADD COLUMN crashes INTEGER NOT NULL DEFAULT 0",
                "CREATE INDEX jobs_prunable ON jobs (finished_at) WHERE state IN ('succeeded', 'failed', 'cancelled')",
                // A deleted job takes its event log along, in the same statement.
                """
                CREATE TRIGGER jobs_delete_events AFTER DELETE ON jobs BEGIN
                    DELETE FROM job_events WHERE job_id = OLD.id;
                END
                """,
            ]),
        Migration(
            version: 4, name: "worker presence",
            statements: [
                // `queues` is the JSON object of the queues a worker serves with their slots.
                """
                CREATE TABLE workers (
                    id TEXT PRIMARY KEY,
                    queues TEXT NOT NULL,
                    expires_at INTEGER NOT NULL
                )
                """
            ]),
        Migration(
            version: 5, name: "dedup keys",
            statements: [
                "ALTER TABLE jobs ADD COLUMN dedup_key TEXT",
                // At most one active job per key: concurrent submissions race on this index.
                "CREATE UNIQUE INDEX jobs_dedup_active ON jobs (dedup_key) WHERE state IN ('pending', 'running')",
                "CREATE INDEX jobs_dedup_finished ON jobs (dedup_key, finished_at) WHERE dedup_key IS NOT NULL",
            ]),
        // Versions 6 and 7 belong to other features; migrations apply in version order, gaps allowed.
        Migration(
            version: 8, name: "multi-stage jobs",
            statements: [
                "ALTER TABLE jobs ADD COLUMN stage_index INTEGER NOT NULL DEFAULT 0",
                // The JSON array of the completed stages' results (``StageResult``); NULL before the first.
                "ALTER TABLE jobs ADD COLUMN stage_results TEXT",
            ]),
    ]
}
