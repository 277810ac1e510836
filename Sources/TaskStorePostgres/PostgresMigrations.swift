import TaskRuntime

/// The PostgreSQL schema, as an ordered list of migrations. Applied migrations are recorded in
/// `schema_migrations`; a migration, once released, is never edited: add a new one.
enum PostgresMigrations {
    struct Migration {
        var version: Int
        var name: String
        /// Run in order, in the one transaction that applies every pending migration.
        var statements: [String]
    }

    /// The key of the transaction-scoped advisory lock that serialises migrations: "taskforg" in ASCII.
    static let lockKey: Int64 = 0x7461_736B_666F_7267

    /// The `LISTEN`/`NOTIFY` channel on which the queue name is sent when jobs become ready.
    static let readyChannel = "taskforge_ready"

    /// The `LISTEN`/`NOTIFY` channel on which a running job's id is sent when a cancel is requested.
    static let cancelChannel = "taskforge_cancel"

    /// The `LISTEN`/`NOTIFY` channel on which the name of a changed table (`jobs`, `workers`,
    /// `paused_queues`) is sent after each statement that changed it, while a live view watches
    /// (a row in `change_watchers` that has not expired).
    static let changesChannel = "taskforge_changes"

    /// How many characters of a searchable text field are indexed; a longer value is matched on
    /// them, then compared whole.
    static let searchTextLength = JobInputFilter.indexedTextLength

    static let all: [Migration] = [
        Migration(
            version: 1, name: "jobs and job events",
            statements: [
                """
                CREATE TABLE jobs (
                    seq bigserial PRIMARY KEY,
                    id uuid NOT NULL UNIQUE,
                    task text NOT NULL,
                    version integer NOT NULL,
                    queue text NOT NULL,
                    priority integer NOT NULL DEFAULT 0,
                    state text NOT NULL,
                    stage text,
                    progress double precision NOT NULL DEFAULT 0,
                    input jsonb NOT NULL,
                    output jsonb,
                    error jsonb,
                    attempt integer NOT NULL DEFAULT 0,
                    max_attempts integer NOT NULL,
                    created_at timestamptz NOT NULL DEFAULT now(),
                    run_at timestamptz NOT NULL,
                    started_at timestamptz,
                    finished_at timestamptz,
                    heartbeat_at timestamptz,
                    lease_owner text,
                    lease_expires_at timestamptz,
                    fence bigint NOT NULL DEFAULT 0,
                    cancel_requested boolean NOT NULL DEFAULT false
                )
                """,
                "CREATE INDEX jobs_ready ON jobs (queue, priority DESC, run_at, seq) WHERE state = 'pending'",
                "CREATE INDEX jobs_leases ON jobs (lease_expires_at) WHERE state = 'running'",
                "CREATE INDEX jobs_by_task ON jobs (task, seq)",
                "CREATE INDEX jobs_by_state ON jobs (state, seq)",
                """
                CREATE TABLE job_events (
                    seq bigserial PRIMARY KEY,
                    job_id uuid NOT NULL,
                    at timestamptz NOT NULL,
                    state text NOT NULL,
                    stage text,
                    progress double precision NOT NULL,
                    attempt integer NOT NULL,
                    error jsonb
                )
                """,
                "CREATE INDEX job_events_by_job ON job_events (job_id, seq)",
                // One statement-level trigger per INSERT: a batch logs its events with one INSERT and
                // sends one notification per queue (NOTIFY also folds duplicates within a transaction).
                """
                CREATE FUNCTION taskforge_jobs_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO job_events (job_id, at, state, stage, progress, attempt, error)
                    SELECT id, created_at, state, stage, progress, attempt, error FROM inserted ORDER BY seq;
                    PERFORM pg_notify('\(readyChannel)', queue)
                    FROM (SELECT DISTINCT queue FROM inserted WHERE state = 'pending') AS ready;
                    RETURN NULL;
                END
                $$
                """,
                """
                CREATE TRIGGER jobs_inserted AFTER INSERT ON jobs
                REFERENCING NEW TABLE AS inserted
                FOR EACH STATEMENT EXECUTE FUNCTION taskforge_jobs_inserted()
                """,
                // Row-level, and only for rows whose state, stage or attempt changed: heartbeats and
                // progress reports never call it.
                """
                CREATE FUNCTION taskforge_job_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO job_events (job_id, at, state, stage, progress, attempt, error)
                    VALUES (NEW.id, now(), NEW.state, NEW.stage, NEW.progress, NEW.attempt, NEW.error);
                    IF NEW.state = 'pending' AND OLD.state IS DISTINCT FROM 'pending' THEN
                        PERFORM pg_notify('\(readyChannel)', NEW.queue);
                    END IF;
                    RETURN NULL;
                END
                $$
                """,
                """
                CREATE TRIGGER jobs_changed AFTER UPDATE ON jobs FOR EACH ROW
                WHEN (OLD.state IS DISTINCT FROM NEW.state OR OLD.stage IS DISTINCT FROM NEW.stage
                    OR OLD.attempt IS DISTINCT FROM NEW.attempt)
                EXECUTE FUNCTION taskforge_job_changed()
                """,
            ]),
        Migration(
            version: 2, name: "the handler version that ran a job",
            statements: ["ALTER TABLE jobs ADD COLUMN handler_version integer"]),
        Migration(
            version: 3, name: "crash counts; an index for pruning finished jobs",
            statements: [
                "ALTER TABLE jobs ADD COLUMN crashes integer NOT NULL DEFAULT 0",
                "CREATE INDEX jobs_prunable ON jobs (finished_at) WHERE state IN ('succeeded', 'failed', 'cancelled')",
            ]),
        Migration(
            version: 4, name: "worker presence",
            statements: [
                // `queues` is the JSON object of the queues a worker serves with their slots.
                "CREATE TABLE workers (id text PRIMARY KEY, queues jsonb NOT NULL, expires_at timestamptz NOT NULL)"
            ]),
        Migration(
            version: 5, name: "dedup keys",
            statements: [
                "ALTER TABLE jobs ADD COLUMN dedup_key text",
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
                    principal text NOT NULL,
                    key text NOT NULL,
                    request_hash text NOT NULL,
                    job_id uuid NOT NULL,
                    status integer,
                    body text,
                    created_at timestamptz NOT NULL DEFAULT now(),
                    expires_at timestamptz NOT NULL,
                    PRIMARY KEY (principal, key)
                )
                """,
                "CREATE INDEX idempotency_keys_expiry ON idempotency_keys (expires_at)",
                // One token bucket per rate limit key: `tokens` as of `refilled_at`.
                "CREATE TABLE rate_buckets (key text PRIMARY KEY, tokens double precision NOT NULL, refilled_at timestamptz NOT NULL)",
                "CREATE INDEX jobs_dedup_latest ON jobs (dedup_key, seq) WHERE dedup_key IS NOT NULL",
                "CREATE INDEX workers_expiry ON workers (expires_at)",
            ]),
        Migration(
            version: 7, name: "schedule ticks",
            statements: [
                // One row per enqueued tick of a schedule: concurrent schedulers race on the primary key.
                """
                CREATE TABLE schedule_ticks (
                    schedule_id text NOT NULL,
                    tick timestamptz NOT NULL,
                    job_id uuid NOT NULL,
                    PRIMARY KEY (schedule_id, tick)
                )
                """
            ]),
        Migration(
            version: 8, name: "multi-stage jobs",
            statements: [
                "ALTER TABLE jobs ADD COLUMN stage_index integer NOT NULL DEFAULT 0",
                // The array of the completed stages' results (``StageResult``); NULL before the first.
                "ALTER TABLE jobs ADD COLUMN stage_results jsonb",
            ]),
        Migration(
            version: 9, name: "api tokens and job owners",
            statements: [
                // Only the SHA-256 of a token's secret is kept; `scopes` and `tasks` are comma-separated.
                """
                CREATE TABLE api_tokens (
                    id text PRIMARY KEY,
                    name text NOT NULL UNIQUE,
                    secret_hash text NOT NULL,
                    scopes text NOT NULL,
                    tasks text,
                    created_at timestamptz NOT NULL,
                    expires_at timestamptz,
                    revoked_at timestamptz
                )
                """,
                // The token that submitted the job; NULL without authentication.
                "ALTER TABLE jobs ADD COLUMN owner text",
                "CREATE INDEX jobs_by_owner ON jobs (owner, seq) WHERE owner IS NOT NULL",
            ]),
        Migration(
            version: 10, name: "artifacts and their lineage",
            statements: [
                // One row per stored artifact. `job_id` and the lineage columns are NULL for an
                // artifact uploaded on its own; no foreign key, since artifacts outlive pruned jobs.
                """
                CREATE TABLE artifacts (
                    seq bigserial PRIMARY KEY,
                    id uuid NOT NULL UNIQUE,
                    job_id uuid,
                    attempt integer,
                    task text,
                    task_version integer,
                    stage text,
                    name text NOT NULL,
                    content_type text NOT NULL,
                    size bigint NOT NULL,
                    sha256 text NOT NULL,
                    storage_key text NOT NULL,
                    created_at timestamptz NOT NULL
                )
                """,
                "CREATE INDEX artifacts_by_job ON artifacts (job_id, seq) WHERE job_id IS NOT NULL",
            ]),
        Migration(
            version: 11, name: "input files of waiting jobs",
            statements: [
                // One row per declared file of a job; `artifact_id`, `size` and `sha256` are set when
                // its upload completed (the job's input lineage). Pruning a job deletes its rows.
                """
                CREATE TABLE job_files (
                    job_id uuid NOT NULL,
                    position integer NOT NULL,
                    name text NOT NULL,
                    required boolean NOT NULL,
                    upload_id text,
                    artifact_id uuid,
                    size bigint,
                    sha256 text,
                    completed_at timestamptz,
                    PRIMARY KEY (job_id, name)
                )
                """,
                "CREATE INDEX jobs_waiting ON jobs (created_at) WHERE state = 'waiting'",
            ]),
        Migration(
            version: 12, name: "per-job timeouts",
            statements: [
                // A limit for each attempt below the task's, set by the submitter; NULL for the task's.
                "ALTER TABLE jobs ADD COLUMN timeout_ms bigint"
            ]),
        Migration(
            version: 13, name: "datasets and the jobs that read them",
            statements: [
                // A dataset's bytes are the artifact with the same id; this row adds its owner and profile.
                """
                CREATE TABLE datasets (
                    seq bigserial PRIMARY KEY,
                    id uuid NOT NULL UNIQUE,
                    owner text,
                    format text NOT NULL,
                    row_count bigint NOT NULL,
                    profile jsonb NOT NULL,
                    created_at timestamptz NOT NULL
                )
                """,
                "CREATE INDEX datasets_by_owner ON datasets (owner, seq) WHERE owner IS NOT NULL",
                // A job's input lineage: the datasets it reads, as they were at submit (kept after a
                // dataset is deleted, so no foreign key to it). Pruning a job deletes its rows.
                """
                CREATE TABLE job_datasets (
                    job_id uuid NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
                    position integer NOT NULL,
                    dataset_id uuid NOT NULL,
                    name text NOT NULL,
                    sha256 text NOT NULL,
                    size bigint NOT NULL,
                    PRIMARY KEY (job_id, dataset_id)
                )
                """,
                "CREATE INDEX job_datasets_by_dataset ON job_datasets (dataset_id)",
            ]),
        Migration(
            version: 14, name: "paused queues",
            statements: [
                // A queue listed here is left out of every claim until its row is deleted (resumed).
                """
                CREATE TABLE paused_queues (
                    queue text PRIMARY KEY,
                    paused_at timestamptz NOT NULL,
                    paused_by text
                )
                """
            ]),
        Migration(
            version: 15, name: "where workers run",
            statements: [
                // Who and where each worker is, for the dashboard; rows from before read as unknown.
                """
                ALTER TABLE workers ADD COLUMN host text NOT NULL DEFAULT '',
                    ADD COLUMN pid integer NOT NULL DEFAULT 0,
                    ADD COLUMN started_at timestamptz NOT NULL DEFAULT now(),
                    ADD COLUMN seen_at timestamptz NOT NULL DEFAULT now()
                """,
                // Each event names the worker that held the job: the one that claimed it, or whose attempt ended.
                "ALTER TABLE job_events ADD COLUMN worker text",
                """
                CREATE OR REPLACE FUNCTION taskforge_job_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO job_events (job_id, at, state, stage, progress, attempt, error, worker)
                    VALUES (NEW.id, now(), NEW.state, NEW.stage, NEW.progress, NEW.attempt, NEW.error,
                        COALESCE(NEW.lease_owner, OLD.lease_owner));
                    IF NEW.state = 'pending' AND OLD.state IS DISTINCT FROM 'pending' THEN
                        PERFORM pg_notify('\(readyChannel)', NEW.queue);
                    END IF;
                    RETURN NULL;
                END
                $$
                """,
                // Operators' actions on jobs; pruning deletes them with their job.
                """
                CREATE TABLE job_actions (
                    seq bigserial PRIMARY KEY,
                    job_id uuid NOT NULL,
                    at timestamptz NOT NULL,
                    action text NOT NULL,
                    actor text
                )
                """,
                "CREATE INDEX job_actions_by_job ON job_actions (job_id, seq)",
            ]),
        Migration(
            version: 16, name: "the history of queue pauses",
            statements: [
                // Who paused and resumed each queue, and when: the timeline of a job shows the ones
                // within its life. A pause is logged by the trigger (an upsert that finds the queue
                // paused inserts nothing); a resume by the statement that deletes the pause.
                """
                CREATE TABLE queue_actions (
                    seq bigserial PRIMARY KEY,
                    queue text NOT NULL,
                    at timestamptz NOT NULL,
                    action text NOT NULL,
                    actor text
                )
                """,
                "CREATE INDEX queue_actions_by_queue ON queue_actions (queue, at)",
                """
                CREATE FUNCTION taskforge_queue_paused() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO queue_actions (queue, at, action, actor) VALUES (NEW.queue, NEW.paused_at, 'pause', NEW.paused_by);
                    RETURN NULL;
                END
                $$
                """,
                "CREATE TRIGGER queue_paused AFTER INSERT ON paused_queues FOR EACH ROW EXECUTE FUNCTION taskforge_queue_paused()",
            ]),
        Migration(
            version: 17, name: "searchable input fields",
            statements: [
                // The `search:` fields of each task, as the catalog of the last process to start declared them.
                "CREATE TABLE search_fields (task text NOT NULL, field text NOT NULL, PRIMARY KEY (task, field))",
                // One row per searchable field a job's input has: a string (its first
                // \(searchTextLength) characters) or boolean as text, a number as a number, an array
                // or object by presence only. Deleted with the job.
                """
                CREATE TABLE job_search (
                    job_seq bigint NOT NULL REFERENCES jobs (seq) ON DELETE CASCADE,
                    field text NOT NULL,
                    text_value text,
                    number_value double precision,
                    PRIMARY KEY (job_seq, field)
                )
                """,
                "CREATE INDEX job_search_by_text ON job_search (field, text_value, job_seq) WHERE text_value IS NOT NULL",
                "CREATE INDEX job_search_by_number ON job_search (field, number_value, job_seq) WHERE number_value IS NOT NULL",
                "CREATE INDEX job_search_by_field ON job_search (field, job_seq)",
                // The statement trigger of inserts also fills job_search: one join per INSERT, with
                // nothing to do for tasks without `search:`.
                """
                CREATE OR REPLACE FUNCTION taskforge_jobs_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO job_events (job_id, at, state, stage, progress, attempt, error)
                    SELECT id, created_at, state, stage, progress, attempt, error FROM inserted ORDER BY seq;
                    INSERT INTO job_search (job_seq, field, text_value, number_value)
                    SELECT i.seq, f.field,
                        CASE jsonb_typeof(i.input -> f.field)
                            WHEN 'string' THEN left(i.input ->> f.field, \(searchTextLength))
                            WHEN 'boolean' THEN i.input ->> f.field
                        END,
                        CASE jsonb_typeof(i.input -> f.field) WHEN 'number' THEN (i.input ->> f.field)::double precision END
                    FROM inserted AS i JOIN search_fields AS f ON f.task = i.task
                    WHERE jsonb_typeof(i.input -> f.field) <> 'null';
                    PERFORM pg_notify('\(readyChannel)', queue)
                    FROM (SELECT DISTINCT queue FROM inserted WHERE state = 'pending') AS ready;
                    RETURN NULL;
                END
                $$
                """,
            ]),
        Migration(
            version: 18, name: "change notifications for live views",
            statements: [
                // A process with an open live view (a dashboard page) keeps its row here renewed.
                "CREATE TABLE change_watchers (id text PRIMARY KEY, expires_at timestamptz NOT NULL)",
                // One notification per changing statement (NOTIFY folds equal ones per transaction),
                // and none while nobody watches: a commit that notifies takes a database-wide lock,
                // which an unwatched engine should not pay for.
                """
                CREATE FUNCTION taskforge_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF EXISTS (SELECT 1 FROM change_watchers WHERE expires_at > now()) THEN
                        PERFORM pg_notify('\(changesChannel)', TG_TABLE_NAME);
                    END IF;
                    RETURN NULL;
                END
                $$
                """,
                """
                CREATE TRIGGER jobs_watched AFTER INSERT OR UPDATE OR DELETE ON jobs
                FOR EACH STATEMENT EXECUTE FUNCTION taskforge_changed()
                """,
                """
                CREATE TRIGGER workers_watched AFTER INSERT OR UPDATE OR DELETE ON workers
                FOR EACH STATEMENT EXECUTE FUNCTION taskforge_changed()
                """,
                """
                CREATE TRIGGER paused_queues_watched AFTER INSERT OR UPDATE OR DELETE ON paused_queues
                FOR EACH STATEMENT EXECUTE FUNCTION taskforge_changed()
                """,
            ]),
    ]
}
