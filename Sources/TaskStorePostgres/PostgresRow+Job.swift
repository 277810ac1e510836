import Foundation
import PostgresNIO
import TaskRuntime

extension PostgresRandomAccessRow {
    /// The value of `column` (the subscript of postgres-nio traps on a missing column; this throws).
    func decode<T: PostgresDecodable>(_ column: String, as type: T.Type = T.self) throws -> T {
        guard contains(column) else { throw MalformedRow(column: column) }
        return try self[column].decode(T.self)
    }

    func state(_ column: String) throws -> JobState {
        guard let state = JobState(rawValue: try decode(column, as: String.self)) else {
            throw MalformedRow(column: column)
        }
        return state
    }

    /// A `jsonb` column (postgres-nio hands `jsonb` over as its text).
    func json(_ column: String) throws -> JSONValue? {
        guard let text = try decode(column, as: String?.self) else { return nil }
        return try JSONValue(json: Data(text.utf8))
    }

    func jobError(_ column: String) throws -> JobError? {
        try json(column)?.decode(as: JobError.self)
    }
}

extension Job {
    /// The columns ``init(row:)`` reads: what statements returning jobs list (not `*`, whose shape
    /// a later migration could change under a prepared statement).
    static let columns = """
        seq, id, task, version, handler_version, queue, priority, state, stage, progress, input, output, error, \
        attempt, max_attempts, crashes, created_at, run_at, started_at, finished_at, heartbeat_at, cancel_requested, \
        lease_owner, fence, stage_index, stage_results, owner, timeout_ms
        """

    init(row: PostgresRow) throws {
        let row = row.makeRandomAccess()
        guard let input = try row.json("input") else { throw MalformedRow(column: "input") }
        self.init(
            id: try row.decode("id", as: UUID.self),
            task: try row.decode("task", as: String.self),
            version: try row.decode("version", as: Int.self),
            handlerVersion: try row.decode("handler_version", as: Int?.self),
            queue: try row.decode("queue", as: String.self),
            priority: try row.decode("priority", as: Int.self),
            state: try row.state("state"),
            stage: try row.decode("stage", as: String?.self),
            progress: try row.decode("progress", as: Double.self),
            input: input,
            output: try row.json("output"),
            error: try row.jobError("error"),
            attempt: try row.decode("attempt", as: Int.self),
            maxAttempts: try row.decode("max_attempts", as: Int.self),
            crashes: try row.decode("crashes", as: Int.self),
            createdAt: try row.decode("created_at", as: Date.self),
            runAt: try row.decode("run_at", as: Date.self),
            startedAt: try row.decode("started_at", as: Date?.self),
            finishedAt: try row.decode("finished_at", as: Date?.self),
            heartbeatAt: try row.decode("heartbeat_at", as: Date?.self),
            cancelRequested: try row.decode("cancel_requested", as: Bool.self),
            leaseOwner: try row.decode("lease_owner", as: String?.self),
            fence: try row.decode("fence", as: Int.self),
            sequence: try row.decode("seq", as: Int64.self),
            stageIndex: try row.decode("stage_index", as: Int.self),
            stageResults: try row.json("stage_results")?.decode(as: [StageResult].self) ?? [],
            owner: try row.decode("owner", as: String?.self),
            timeout: try row.decode("timeout_ms", as: Int?.self).map { .milliseconds($0) }
        )
    }
}

extension JobEvent {
    init(row: PostgresRow) throws {
        let row = row.makeRandomAccess()
        self.init(
            sequence: try row.decode("seq", as: Int64.self),
            jobID: try row.decode("job_id", as: UUID.self),
            at: try row.decode("at", as: Date.self),
            state: try row.state("state"),
            stage: try row.decode("stage", as: String?.self),
            progress: try row.decode("progress", as: Double.self),
            attempt: try row.decode("attempt", as: Int.self),
            error: try row.jobError("error"),
            worker: try row.decode("worker", as: String?.self)
        )
    }
}
