import Foundation
import SQLiteNIO
import TaskRuntime

extension SQLiteJobStore {
    /// One `UPDATE ... FROM` over a `VALUES` list of the completions' ``CompletionColumns``, so the
    /// batch is one transaction; the rows it returns name the leases that were held.
    public func finish(_ completions: [Completion]) async throws -> [Bool] {
        guard !completions.isEmpty else { return [] }
        let now = SQLiteData.integer(Int(Date().microseconds))
        let values = Array(repeating: "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", count: completions.count)
        let rows = try await connection.query(
            """
            WITH batch (lease_id, lease_fence, new_state, new_output, error_change, new_error, new_progress,
                run_at_change, new_run_at, attempt_change, crash, new_finished_at, new_queue, new_stage, stage_result,
                new_handler_version)
                AS (VALUES \(values.joined(separator: ", ")))
            UPDATE jobs SET
                state = new_state,
                output = COALESCE(new_output, output),
                error = CASE error_change WHEN 'kept' THEN error ELSE new_error END,
                progress = COALESCE(new_progress, progress),
                run_at = CASE run_at_change WHEN 'kept' THEN run_at ELSE new_run_at END,
                attempt = CASE attempt_change WHEN 'givenBack' THEN attempt - 1 WHEN 'reset' THEN 0 ELSE attempt END,
                queue = COALESCE(new_queue, queue),
                stage = COALESCE(new_stage, stage),
                stage_index = stage_index + (stage_result IS NOT NULL),
                stage_results = CASE WHEN stage_result IS NULL THEN stage_results
                    ELSE json_insert(COALESCE(stage_results, '[]'), '$[#]', json(stage_result)) END,
                crashes = crashes + crash,
                finished_at = COALESCE(new_finished_at, finished_at),
                handler_version = COALESCE(new_handler_version, handler_version),
                lease_owner = NULL, lease_expires_at = NULL
            FROM batch WHERE id = lease_id AND fence = lease_fence AND state = 'running'
            RETURNING id, fence, queue, state
            """, try completions.flatMap { try CompletionColumns($0).sqliteValues(now: now) })
        var written = Set<Lease>()
        var readyQueues = Set<String>()
        for row in rows {
            guard let id = row.column("id")?.string.flatMap(UUID.init(uuidString:)),
                let fence = row.column("fence")?.integer
            else { throw MalformedRow(column: "id or fence") }
            written.insert(Lease(jobID: id, fence: fence))
            if row.column("state")?.string == JobState.pending.rawValue, let queue = row.column("queue")?.string {
                readyQueues.insert(queue)
            }
        }
        for queue in readyQueues { readySignals.broadcast(queue) }
        return completions.map { written.contains($0.lease) }
    }
}

extension CompletionColumns {
    /// The columns as one row of the batched finish's `VALUES`, in the order of its columns; NULL
    /// leaves a column as it is, and the changes to `error`, `run_at` and `attempt` travel by name.
    fileprivate func sqliteValues(now: SQLiteData) -> [SQLiteData] {
        let runAtValue: SQLiteData =
            switch runAt {
            case .kept: .null
            case .now: now
            case .at(let date): .integer(Int(date.microseconds))
            }
        let errorValue: SQLiteData =
            switch error {
            case .kept, .cleared: .null
            case .set(let text): .text(text)
            }
        return [
            .text(lease.jobID.lowercasedString), .integer(lease.fence), .text(state.rawValue),
            output.map(SQLiteData.text) ?? .null, .text(error.name), errorValue,
            progress.map(SQLiteData.float) ?? .null, .text(runAt.name), runAtValue, .text(attempt.name),
            .integer(crashed ? 1 : 0), finishes ? now : .null, nextStage.map { .text($0.queue) } ?? .null,
            nextStage.map { .text($0.stage) } ?? .null, nextStage.map { .text($0.result) } ?? .null,
            handlerVersion.map(SQLiteData.integer) ?? .null,
        ]
    }
}
