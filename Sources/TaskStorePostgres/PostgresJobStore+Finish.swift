import Foundation
import PostgresNIO
import TaskRuntime

extension PostgresJobStore {
    /// One statement for the whole batch: the completions' ``CompletionColumns`` arrive as parallel
    /// `unnest` arrays, the rows still carrying their lease are locked in `seq` order, then updated
    /// from the joined values. The rows it returns name the leases that were held.
    ///
    /// postgres-nio binds no NULL array elements, so a value the completion leaves alone travels as
    /// `''` (no JSON text or stage name is empty) or NaN (no progress is), and the changes to `error`,
    /// `run_at` and `attempt` travel by name.
    public func finish(_ completions: [Completion]) async throws -> [Bool] {
        guard !completions.isEmpty else { return [] }
        let rows = try await rows(
            FinishStatement(query: Self.finishStatement(try completions.map(CompletionColumns.init))))
        var written = Set<Lease>()
        for row in rows {
            let (id, fence) = try row.decode((UUID, Int).self)
            written.insert(Lease(jobID: id, fence: fence))
        }
        return completions.map { written.contains($0.lease) }
    }

    /// The batch's statement; its text is the same for any batch (``FinishStatement``).
    static func finishStatement(_ columns: [CompletionColumns]) -> PostgresQuery {
        """
        WITH batch AS (
            SELECT * FROM unnest(
                \(columns.map(\.lease.jobID))::uuid[], \(columns.map(\.lease.fence))::int8[],
                \(columns.map(\.state.rawValue))::text[], \(columns.map { $0.output ?? "" })::text[],
                \(columns.map(\.error.name))::text[], \(columns.map(\.error.text))::text[],
                \(columns.map { $0.progress ?? .nan })::float8[],
                \(columns.map(\.runAt.name))::text[], \(columns.map(\.runAt.date))::timestamptz[],
                \(columns.map(\.attempt.name))::text[], \(columns.map(\.crashed))::bool[],
                \(columns.map(\.finishes))::bool[], \(columns.map { $0.nextStage?.queue ?? "" })::text[],
                \(columns.map { $0.nextStage?.stage ?? "" })::text[],
                \(columns.map { $0.nextStage?.result ?? "" })::text[],
                \(columns.map { $0.handlerVersion.map(String.init) ?? "" })::text[]
            ) AS completion (id, fence, state, output, error_change, error, progress, run_at_change, run_at,
                attempt_change, crashed, finishes, next_queue, next_stage, stage_result, handler_version)),
        locked AS (
            SELECT jobs.seq, batch.* FROM jobs JOIN batch ON jobs.id = batch.id AND jobs.fence = batch.fence
            WHERE jobs.state = 'running'
            ORDER BY jobs.seq FOR UPDATE OF jobs)
        UPDATE jobs SET
            state = locked.state,
            output = COALESCE(NULLIF(locked.output, '')::jsonb, jobs.output),
            error = CASE locked.error_change
                WHEN 'set' THEN locked.error::jsonb WHEN 'cleared' THEN NULL ELSE jobs.error END,
            progress = COALESCE(NULLIF(locked.progress, 'NaN'), jobs.progress),
            run_at = CASE locked.run_at_change WHEN 'now' THEN now() WHEN 'at' THEN locked.run_at ELSE jobs.run_at END,
            attempt = CASE locked.attempt_change
                WHEN 'givenBack' THEN jobs.attempt - 1 WHEN 'reset' THEN 0 ELSE jobs.attempt END,
            queue = COALESCE(NULLIF(locked.next_queue, ''), jobs.queue),
            stage = COALESCE(NULLIF(locked.next_stage, ''), jobs.stage),
            stage_index = jobs.stage_index + CASE WHEN locked.stage_result = '' THEN 0 ELSE 1 END,
            stage_results = CASE WHEN locked.stage_result = '' THEN jobs.stage_results
                ELSE COALESCE(jobs.stage_results, '[]'::jsonb) || jsonb_build_array(locked.stage_result::jsonb) END,
            crashes = jobs.crashes + CASE WHEN locked.crashed THEN 1 ELSE 0 END,
            finished_at = CASE WHEN locked.finishes THEN now() ELSE jobs.finished_at END,
            handler_version = COALESCE(NULLIF(locked.handler_version, '')::integer, jobs.handler_version),
            lease_owner = NULL, lease_expires_at = NULL
        FROM locked WHERE jobs.seq = locked.seq
        RETURNING jobs.id, jobs.fence
        """
    }
}

extension CompletionColumns.ErrorColumn {
    /// The error's JSON text when it is set, `''` otherwise.
    fileprivate var text: String {
        guard case .set(let text) = self else { return "" }
        return text
    }
}

extension CompletionColumns.RunAt {
    /// The time when one is given, the epoch otherwise.
    fileprivate var date: Date {
        guard case .at(let date) = self else { return Date(timeIntervalSince1970: 0) }
        return date
    }
}
