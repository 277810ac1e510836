import Foundation
import SQLiteNIO
import TaskRuntime

extension SQLiteRow {
    func required<T>(_ column: String, _ convert: (SQLiteData) -> T?) throws -> T {
        guard let data = self.column(column), let value = convert(data) else { throw MalformedRow(column: column) }
        return value
    }

    func optional<T>(_ column: String, _ convert: (SQLiteData) -> T?) -> T? {
        guard let data = self.column(column), !data.isNull else { return nil }
        return convert(data)
    }

    func date(_ column: String) throws -> Date {
        Date(microseconds: Int64(try required(column, \.integer)))
    }

    func optionalDate(_ column: String) -> Date? {
        optional(column, \.integer).map { Date(microseconds: Int64($0)) }
    }

    func json(_ column: String) throws -> JSONValue? {
        guard let text = optional(column, \.string) else { return nil }
        return try JSONValue(json: Data(text.utf8))
    }

    func jobError(_ column: String) throws -> JobError? {
        try json(column)?.decode(as: JobError.self)
    }
}

extension Job {
    init(row: SQLiteRow) throws {
        guard let id = UUID(uuidString: try row.required("id", \.string)),
            let state = JobState(rawValue: try row.required("state", \.string))
        else { throw MalformedRow(column: "id or state") }
        self.init(
            id: id,
            task: try row.required("task", \.string),
            version: try row.required("version", \.integer),
            handlerVersion: row.optional("handler_version", \.integer),
            queue: try row.required("queue", \.string),
            priority: try row.required("priority", \.integer),
            state: state,
            stage: row.optional("stage", \.string),
            progress: try row.required("progress", \.double),
            input: try row.json("input") ?? .null,
            output: try row.json("output"),
            error: try row.jobError("error"),
            attempt: try row.required("attempt", \.integer),
            maxAttempts: try row.required("max_attempts", \.integer),
            crashes: try row.required("crashes", \.integer),
            createdAt: try row.date("created_at"),
            runAt: try row.date("run_at"),
            startedAt: row.optionalDate("started_at"),
            finishedAt: row.optionalDate("finished_at"),
            heartbeatAt: row.optionalDate("heartbeat_at"),
            cancelRequested: row.optional("cancel_requested", \.bool) ?? false,
            leaseOwner: row.optional("lease_owner", \.string),
            fence: try row.required("fence", \.integer),
            sequence: Int64(try row.required("seq", \.integer)),
            stageIndex: try row.required("stage_index", \.integer),
            stageResults: try row.json("stage_results")?.decode(as: [StageResult].self) ?? [],
            owner: row.optional("owner", \.string),
            timeout: row.optional("timeout_ms", \.integer).map { .milliseconds($0) }
        )
    }
}

extension JobEvent {
    init(row: SQLiteRow) throws {
        guard let id = UUID(uuidString: try row.required("job_id", \.string)),
            let state = JobState(rawValue: try row.required("state", \.string))
        else { throw MalformedRow(column: "job_id or state") }
        self.init(
            sequence: Int64(try row.required("seq", \.integer)),
            jobID: id,
            at: try row.date("at"),
            state: state,
            stage: row.optional("stage", \.string),
            progress: try row.required("progress", \.double),
            attempt: try row.required("attempt", \.integer),
            error: try row.jobError("error"),
            worker: row.optional("worker", \.string)
        )
    }
}
