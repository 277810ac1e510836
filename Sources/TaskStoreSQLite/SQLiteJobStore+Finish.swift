import Foundation
import SQLiteNIO
import TaskRuntime

extension SQLiteJobStore {
    /// One `UPDATE ... FROM` over a `VALUES` list of the completions, so the batch is one
    /// transaction; the rows it returns name the leases that were held.
    public func finish(_ completions: [Completion]) async throws -> [Bool] {
        guard !completions.isEmpty else { return [] }
        let now = Date()
        let values = Array(repeating: "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", count: completions.count).joined(
            separator: ", ")
        let rows = try await connection.query(
            """
            WITH batch (lease_id, lease_fence, new_state, new_output, new_error, new_progress, new_run_at,
                new_finished_at, new_handler_version, crash, released, advanced, new_queue, new_stage, stage_result)
                AS (VALUES \(values))
            UPDATE jobs SET
                state = new_state,
                output = COALESCE(new_output, output),
                error = CASE WHEN released THEN error ELSE new_error END,
                progress = COALESCE(new_progress, progress),
                run_at = COALESCE(new_run_at, run_at),
                attempt = CASE WHEN advanced THEN 0 ELSE attempt - released END,
                queue = COALESCE(new_queue, queue),
                stage = CASE WHEN advanced THEN new_stage ELSE stage END,
                stage_index = stage_index + advanced,
                stage_results = CASE WHEN advanced
                    THEN json_insert(COALESCE(stage_results, '[]'), '$[#]', json(stage_result)) ELSE stage_results END,
                crashes = crashes + crash,
                finished_at = COALESCE(new_finished_at, finished_at),
                handler_version = COALESCE(new_handler_version, handler_version),
                lease_owner = NULL, lease_expires_at = NULL
            FROM batch WHERE id = lease_id AND fence = lease_fence AND state = 'running'
            RETURNING id, fence, queue, state
            """, try completions.flatMap { try $0.sqliteValues(now: now) })
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

extension Completion {
    /// The completion as one row of the batched finish's `VALUES`, in the order of its columns; a
    /// NULL leaves the column as it is (except `error`, which only a released attempt keeps). An
    /// advanced stage also sets the queue and stage and appends its result.
    fileprivate func sqliteValues(now: Date) throws -> [SQLiteData] {
        let nowValue = SQLiteData.integer(Int(now.microseconds))
        let state: JobState
        var output = SQLiteData.null
        var error = SQLiteData.null
        var progress = SQLiteData.null
        var runAt = SQLiteData.null
        var crash = 0
        var released = 0
        var advance: StageAdvance?
        switch outcome {
        case .succeeded(let value):
            state = .succeeded
            output = .text(value.canonicalString())
            progress = .float(100)
        case .failed(let failure, let reached):
            state = .failed
            error = try failure.sqliteText()
            progress = .float(reached)
        case .retry(let failure, let retryAt, let reached):
            state = .pending
            error = try failure.sqliteText()
            progress = .float(reached)
            runAt = .integer(Int(retryAt.microseconds))
        case .cancelled(let reached):
            state = .cancelled
            error = try JobError.cancelledByRequest.sqliteText()
            progress = .float(reached)
        case .crashed(let failure, let retryAt, let reached):
            state = retryAt == nil ? .quarantined : .pending
            error = try failure.sqliteText()
            progress = .float(reached)
            runAt = retryAt.map { .integer(Int($0.microseconds)) } ?? .null
            crash = 1
        case .released:
            state = .pending
            runAt = nowValue
            released = 1
        case .advanced(let next):
            state = .pending
            progress = .float(next.progress)
            runAt = nowValue
            advance = next
        }
        return [
            .text(lease.jobID.lowercasedString), .integer(lease.fence), .text(state.rawValue), output, error, progress,
            runAt, state.isTerminal ? nowValue : .null, handlerVersion.map(SQLiteData.integer) ?? .null,
            .integer(crash), .integer(released), .integer(advance == nil ? 0 : 1),
            advance.map { .text($0.nextQueue) } ?? .null, advance.map { .text($0.nextStageName) } ?? .null,
            try advance.map { .text(try JSONValue(encoding: $0.result).canonicalString()) } ?? .null,
        ]
    }
}
