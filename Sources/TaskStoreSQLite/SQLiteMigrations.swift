import TaskRuntime

/// The SQLite schema, as an ordered list of migrations. Applied migrations are recorded in
/// `schema_migrations`; a migration, once released, is never edited: add a new one.
enum SQLiteMigrations {
    struct Migration {
        var version: Int
        var name: String
        var statements: [String]
    }

    /// How many characters of a searchable text field are indexed; see ``JobInputFilter/indexedTextLength``.
    static let searchTextLength = JobInputFilter.indexedTextLength

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
        Migration(
            version: 6, name: "idempotency keys, rate limit buckets, dedup history",
            statements: [
                // `status` and `body` are the response to replay, NULL while the first request is in flight.
                """
                CREATE TABLE idempotency_keys (
                    principal TEXT NOT NULL,
                    key TEXT NOT NULL,
                    request_hash TEXT NOT NULL,
                    job_id TEXT NOT NULL,
                    status INTEGER,
                    body TEXT,
                    created_at INTEGER NOT NULL,
                    expires_at INTEGER NOT NULL,
                    PRIMARY KEY (principal, key)
                )
                """,
                "CREATE INDEX idempotency_keys_expiry ON idempotency_keys (expires_at)",
                // One token bucket per rate limit key: `tokens` as of `refilled_at` (microseconds).
                "CREATE TABLE rate_buckets (key TEXT PRIMARY KEY, tokens REAL NOT NULL, refilled_at INTEGER NOT NULL)",
                "CREATE INDEX jobs_dedup_latest ON jobs (dedup_key, seq) WHERE dedup_key IS NOT NULL",
                "CREATE INDEX workers_expiry ON workers (expires_at)",
            ]),
        Migration(
            version: 7, name: "schedule ticks",
            statements: [
                // One row per enqueued tick of a schedule (`tick` in microseconds since 1970):
                // concurrent schedulers race on the primary key.
                """
                CREATE TABLE schedule_ticks (
                    schedule_id TEXT NOT NULL,
                    tick INTEGER NOT NULL,
                    job_id TEXT NOT NULL,
                    PRIMARY KEY (schedule_id, tick)
                )
                """,
                // Inserting a row here enqueues a scheduled job in one statement: the tick is recorded
                // unless it already is, and the job is inserted only when the recorded tick is its own.
                """
                CREATE VIEW scheduled_enqueues AS
                SELECT t.schedule_id, t.tick, j.id, j.task, j.version, j.queue, j.priority, j.input, j.max_attempts,
                    j.created_at, j.run_at
                FROM schedule_ticks t JOIN jobs j ON j.id = t.job_id
                """,
                """
                CREATE TRIGGER scheduled_enqueues_insert INSTEAD OF INSERT ON scheduled_enqueues BEGIN
                    INSERT OR IGNORE INTO schedule_ticks (schedule_id, tick, job_id)
                    VALUES (NEW.schedule_id, NEW.tick, NEW.id);
                    INSERT INTO jobs (id, task, version, queue, priority, state, input, max_attempts, created_at, run_at)
                    SELECT NEW.id, NEW.task, NEW.version, NEW.queue, NEW.priority, 'pending', NEW.input, NEW.max_attempts,
                        NEW.created_at, NEW.run_at
                    WHERE (SELECT job_id FROM schedule_ticks WHERE schedule_id = NEW.schedule_id AND tick = NEW.tick) = NEW.id;
                END
                """,
            ]),
        Migration(
            version: 8, name: "multi-stage jobs",
            statements: [
                "ALTER TABLE jobs ADD COLUMN stage_index INTEGER NOT NULL DEFAULT 0",
                // The JSON array of the completed stages' results (``StageResult``); NULL before the first.
                "ALTER TABLE jobs ADD COLUMN stage_results TEXT",
            ]),
        Migration(
            version: 9, name: "api tokens and job owners",
            statements: [
                // Only the SHA-256 of a token's secret is kept; `scopes` and `tasks` are comma-separated.
                """
                CREATE TABLE api_tokens (
                    id TEXT PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE,
                    secret_hash TEXT NOT NULL,
                    scopes TEXT NOT NULL,
                    tasks TEXT,
                    created_at INTEGER NOT NULL,
                    expires_at INTEGER,
                    revoked_at INTEGER
                )
                """,
                // The token that submitted the job; NULL without authentication.
                "ALTER TABLE jobs ADD COLUMN owner TEXT",
                "CREATE INDEX jobs_by_owner ON jobs (owner, seq) WHERE owner IS NOT NULL",
            ]),
        Migration(
            version: 10, name: "artifacts and their lineage",
            statements: [
                // One row per stored artifact. `job_id` and the lineage columns are NULL for an
                // artifact uploaded on its own; no foreign key, since artifacts outlive pruned jobs.
                """
                CREATE TABLE artifacts (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    id TEXT NOT NULL UNIQUE,
                    job_id TEXT,
                    attempt INTEGER,
                    task TEXT,
                    task_version INTEGER,
                    stage TEXT,
                    name TEXT NOT NULL,
                    content_type TEXT NOT NULL,
                    size INTEGER NOT NULL,
                    sha256 TEXT NOT NULL,
                    storage_key TEXT NOT NULL,
                    created_at INTEGER NOT NULL
                )
                """,
                "CREATE INDEX artifacts_by_job ON artifacts (job_id, seq) WHERE job_id IS NOT NULL",
            ]),
        Migration(
            version: 11, name: "input files of waiting jobs",
            statements: [
                // One row per declared file of a job; `artifact_id`, `size` and `sha256` are set when
                // its upload completed (the job's input lineage).
                """
                CREATE TABLE job_files (
                    job_id TEXT NOT NULL,
                    position INTEGER NOT NULL,
                    name TEXT NOT NULL,
                    required INTEGER NOT NULL,
                    upload_id TEXT,
                    artifact_id TEXT,
                    size INTEGER,
                    sha256 TEXT,
                    completed_at INTEGER,
                    PRIMARY KEY (job_id, name)
                )
                """,
                "CREATE INDEX jobs_waiting ON jobs (created_at) WHERE state = 'waiting'",
                """
                CREATE TRIGGER jobs_delete_files AFTER DELETE ON jobs BEGIN
                    DELETE FROM job_files WHERE job_id = OLD.id;
                END
                """,
            ]),
        Migration(
            version: 12, name: "per-job timeouts",
            statements: [
                // A limit for each attempt below the task's, set by the submitter; NULL for the task's.
                "ALTER TABLE jobs ADD COLUMN timeout_ms INTEGER"
            ]),
        Migration(
            version: 13, name: "datasets and the jobs that read them",
            statements: [
                // A dataset's bytes are the artifact with the same id; this row adds its owner and profile.
                """
                CREATE TABLE datasets (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    id TEXT NOT NULL UNIQUE,
                    owner TEXT,
                    format TEXT NOT NULL,
                    row_count INTEGER NOT NULL,
                    profile TEXT NOT NULL,
                    created_at INTEGER NOT NULL
                )
                """,
                "CREATE INDEX datasets_by_owner ON datasets (owner, seq) WHERE owner IS NOT NULL",
                // A job's input lineage: the datasets it reads, as they were at submit (kept after a
                // dataset is deleted, so no foreign key); deleting the job deletes its rows.
                """
                CREATE TABLE job_datasets (
                    job_id TEXT NOT NULL,
                    position INTEGER NOT NULL,
                    dataset_id TEXT NOT NULL,
                    name TEXT NOT NULL,
                    sha256 TEXT NOT NULL,
                    size INTEGER NOT NULL,
                    PRIMARY KEY (job_id, dataset_id)
                )
                """,
                "CREATE INDEX job_datasets_by_dataset ON job_datasets (dataset_id)",
                """
                CREATE TRIGGER jobs_delete_datasets AFTER DELETE ON jobs BEGIN
                    DELETE FROM job_datasets WHERE job_id = OLD.id;
                END
                """,
            ]),
        Migration(
            version: 14, name: "paused queues",
            statements: [
                // A queue listed here is left out of every claim until its row is deleted (resumed).
                """
                CREATE TABLE paused_queues (
                    queue TEXT PRIMARY KEY,
                    paused_at INTEGER NOT NULL,
                    paused_by TEXT
                )
                """
            ]),
        Migration(
            version: 15, name: "where workers run",
            statements: [
                // Who and where each worker is, for the dashboard; rows from before read as unknown.
                "ALTER TABLE workers ADD COLUMN host TEXT NOT NULL DEFAULT ''",
                "ALTER TABLE workers ADD COLUMN pid INTEGER NOT NULL DEFAULT 0",
                "ALTER TABLE workers ADD COLUMN started_at INTEGER NOT NULL DEFAULT 0",
                "ALTER TABLE workers ADD COLUMN seen_at INTEGER NOT NULL DEFAULT 0",
                // Each event names the worker that held the job: the one that claimed it, or whose attempt ended.
                "ALTER TABLE job_events ADD COLUMN worker TEXT",
                "DROP TRIGGER jobs_log_update",
                """
                CREATE TRIGGER jobs_log_update AFTER UPDATE OF state, stage, attempt ON jobs
                WHEN OLD.state IS NOT NEW.state OR OLD.stage IS NOT NEW.stage OR OLD.attempt IS NOT NEW.attempt
                BEGIN
                    INSERT INTO job_events (job_id, at, state, stage, progress, attempt, error, worker)
                    VALUES (NEW.id, \(nowMicros), NEW.state, NEW.stage, NEW.progress, NEW.attempt, NEW.error,
                        COALESCE(NEW.lease_owner, OLD.lease_owner));
                END
                """,
                // Operators' actions on jobs, deleted with their job.
                """
                CREATE TABLE job_actions (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    job_id TEXT NOT NULL,
                    at INTEGER NOT NULL,
                    action TEXT NOT NULL,
                    actor TEXT
                )
                """,
                "CREATE INDEX job_actions_by_job ON job_actions (job_id, seq)",
                """
                CREATE TRIGGER jobs_delete_actions AFTER DELETE ON jobs BEGIN
                    DELETE FROM job_actions WHERE job_id = OLD.id;
                END
                """,
            ]),
        Migration(
            version: 16, name: "the history of queue pauses",
            statements: [
                // Who paused and resumed each queue, and when: the timeline of a job shows the ones
                // within its life. A pause is logged by the trigger (an upsert that finds the queue
                // paused inserts nothing); a resume in the transaction that deletes the pause.
                """
                CREATE TABLE queue_actions (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    queue TEXT NOT NULL,
                    at INTEGER NOT NULL,
                    action TEXT NOT NULL,
                    actor TEXT
                )
                """,
                "CREATE INDEX queue_actions_by_queue ON queue_actions (queue, at)",
                """
                CREATE TRIGGER queue_paused AFTER INSERT ON paused_queues BEGIN
                    INSERT INTO queue_actions (queue, at, action, actor) VALUES (NEW.queue, NEW.paused_at, 'pause', NEW.paused_by);
                END
                """,
            ]),
        Migration(
            version: 17, name: "searchable input fields",
            statements: [
                // The `search:` fields of each task, as the catalog of the last process to start declared them.
                "CREATE TABLE search_fields (task TEXT NOT NULL, field TEXT NOT NULL, PRIMARY KEY (task, field)) WITHOUT ROWID",
                // One row per searchable field a job's input has: a string (its first
                // \(searchTextLength) characters) or boolean as text, a number as a number, an array
                // or object by presence only. Deleted with the job.
                """
                CREATE TABLE job_search (
                    job_seq INTEGER NOT NULL,
                    field TEXT NOT NULL,
                    text_value TEXT,
                    number_value REAL,
                    PRIMARY KEY (job_seq, field)
                ) WITHOUT ROWID
                """,
                "CREATE INDEX job_search_by_text ON job_search (field, text_value, job_seq) WHERE text_value IS NOT NULL",
                "CREATE INDEX job_search_by_number ON job_search (field, number_value, job_seq) WHERE number_value IS NOT NULL",
                "CREATE INDEX job_search_by_field ON job_search (field, job_seq)",
                // Only jobs of tasks with `search:` fields pay more than the WHEN's probe.
                """
                CREATE TRIGGER jobs_search_insert AFTER INSERT ON jobs
                WHEN EXISTS (SELECT 1 FROM search_fields WHERE task = NEW.task)
                BEGIN
                    INSERT INTO job_search (job_seq, field, text_value, number_value)
                    SELECT NEW.seq, field,
                        CASE json_type(NEW.input, path)
                            WHEN 'text' THEN substr(json_extract(NEW.input, path), 1, \(searchTextLength))
                            WHEN 'true' THEN 'true'
                            WHEN 'false' THEN 'false'
                        END,
                        CASE WHEN json_type(NEW.input, path) IN ('integer', 'real') THEN json_extract(NEW.input, path) END
                    FROM (SELECT field, '$."' || field || '"' AS path FROM search_fields WHERE task = NEW.task)
                    WHERE json_type(NEW.input, path) NOT IN ('null');
                END
                """,
                """
                CREATE TRIGGER jobs_delete_search AFTER DELETE ON jobs BEGIN
                    DELETE FROM job_search WHERE job_seq = OLD.seq;
                END
                """,
            ]),
    ]
}
