import Foundation
import PostgresNIO
import TaskRuntime

extension PostgresJobStore {
    /// One statement for the whole batch: the completions arrive as parallel `unnest` arrays, the
    /// rows still carrying their lease are locked in `seq` order, then updated from the joined values.
    /// The rows it returns name the leases that were held.
    public func finish(_ completions: [Completion]) async throws -> [Bool] {
        guard !completions.isEmpty else { return [] }
        let values = try completions.map(CompletionValues.init)
        let rows = try await rows(
            """
            WITH batch AS (
                SELECT * FROM unnest(
                    \(values.map(\.id))::uuid[], \(values.map(\.fence))::int8[], \(values.map(\.state))::text[],
                    \(values.map(\.output))::text[], \(values.map(\.error))::text[], \(values.map(\.progress))::float8[],
                    \(values.map(\.runAt))::timestamptz[], \(values.map(\.handlerVersion))::text[],
                    \(values.map(\.crash))::int8[], \(values.map(\.released))::bool[], \(values.map(\.finished))::bool[],
                    \(values.map(\.advanced))::bool[], \(values.map(\.nextQueue))::text[], \(values.map(\.nextStage))::text[],
                    \(values.map(\.stageResult))::text[]
                ) AS completion (id, fence, state, output, error, progress, run_at, handler_version, crash, released, finished,
                    advanced, next_queue, next_stage, stage_result)),
            locked AS (
                SELECT jobs.seq, batch.* FROM jobs JOIN batch ON jobs.id = batch.id AND jobs.fence = batch.fence
                WHERE jobs.state = 'running'
                ORDER BY jobs.seq FOR UPDATE OF jobs)
            UPDATE jobs SET
                state = locked.state,
                output = CASE WHEN locked.state = 'succeeded' THEN locked.output::jsonb ELSE jobs.output END,
                error = CASE WHEN locked.released THEN jobs.error ELSE NULLIF(locked.error, '')::jsonb END,
                progress = CASE WHEN locked.released THEN jobs.progress ELSE locked.progress END,
                run_at = CASE WHEN locked.released OR locked.advanced THEN now() WHEN locked.state = 'pending' THEN locked.run_at ELSE jobs.run_at END,
                attempt = CASE WHEN locked.released THEN jobs.attempt - 1 WHEN locked.advanced THEN 0 ELSE jobs.attempt END,
                queue = CASE WHEN locked.advanced THEN locked.next_queue ELSE jobs.queue END,
                stage = CASE WHEN locked.advanced THEN locked.next_stage ELSE jobs.stage END,
                stage_index = CASE WHEN locked.advanced THEN jobs.stage_index + 1 ELSE jobs.stage_index END,
                stage_results = CASE WHEN locked.advanced
                    THEN COALESCE(jobs.stage_results, '[]'::jsonb) || jsonb_build_array(NULLIF(locked.stage_result, '')::jsonb)
                    ELSE jobs.stage_results END,
                crashes = jobs.crashes + locked.crash,
                finished_at = CASE WHEN locked.finished THEN now() ELSE jobs.finished_at END,
                handler_version = COALESCE(NULLIF(locked.handler_version, '')::integer, jobs.handler_version),
                lease_owner = NULL, lease_expires_at = NULL
            FROM locked WHERE jobs.seq = locked.seq
            RETURNING jobs.id, jobs.fence
            """)
        var written = Set<Lease>()
        for row in rows {
            let (id, fence) = try row.decode((UUID, Int).self)
            written.insert(Lease(jobID: id, fence: fence))
        }
        return completions.map { written.contains($0.lease) }
    }
}

/// One completion as a row of the batched finish's arrays. postgres-nio binds no NULL array
/// elements, so the text columns use `''` for NULL (no JSON text or version number is empty), and
/// the values an outcome leaves alone are ignored by the statement: `output` unless succeeded,
/// `run_at` unless pending, `error` and `progress` of a released attempt, and the stage columns
/// unless advanced.
private struct CompletionValues {
    var id: UUID
    var fence: Int
    var state: String
    var output = ""
    var error = ""
    var progress: Double = 0
    var runAt = Date(timeIntervalSince1970: 0)
    var handlerVersion: String
    /// 1 when the worker process died running the attempt.
    var crash = 0
    /// The attempt is given back uncounted.
    var released = false
    /// A stage succeeded and the job moves on to the next one.
    var advanced = false
    var nextQueue = ""
    var nextStage = ""
    /// The completed stage's ``StageResult`` as JSON text.
    var stageResult = ""
    /// The job reached a terminal state: `finished_at` is set.
    var finished: Bool { JobState(rawValue: state)?.isTerminal ?? false }

    init(_ completion: Completion) throws {
        id = completion.lease.jobID
        fence = completion.lease.fence
        handlerVersion = completion.handlerVersion.map(String.init) ?? ""
        switch completion.outcome {
        case .succeeded(let output):
            state = JobState.succeeded.rawValue
            self.output = output.canonicalString()
            progress = 100
        case .failed(let error, let progress):
            state = JobState.failed.rawValue
            self.error = try error.jsonText()
            self.progress = progress
        case .retry(let error, let retryAt, let progress):
            state = JobState.pending.rawValue
            self.error = try error.jsonText()
            self.progress = progress
            runAt = retryAt
        case .cancelled(let progress):
            state = JobState.cancelled.rawValue
            error = try JobError.cancelledByRequest.jsonText()
            self.progress = progress
        case .crashed(let error, let retryAt, let progress):
            state = (retryAt == nil ? JobState.quarantined : .pending).rawValue
            self.error = try error.jsonText()
            self.progress = progress
            runAt = retryAt ?? runAt
            crash = 1
        case .released:
            state = JobState.pending.rawValue
            released = true
        case .advanced(let next):
            state = JobState.pending.rawValue
            progress = next.progress
            advanced = true
            nextQueue = next.nextQueue
            nextStage = next.nextStageName
            stageResult = try JSONValue(encoding: next.result).canonicalString()
        }
    }
}
