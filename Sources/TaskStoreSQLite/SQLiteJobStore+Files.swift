import Foundation
import SQLiteNIO
import TaskRuntime

extension SQLiteJobStore {
    public func files(ofJob id: UUID) async throws -> [JobFile] {
        try await connection.query(
            "SELECT * FROM job_files WHERE job_id = ? ORDER BY position", [.text(id.lowercasedString)]
        )
        .map(JobFile.init(row:))
    }

    public func attachUpload(_ uploadID: String, toFile name: String, ofJob jobID: UUID) async throws -> Bool {
        let rows = try await connection.query(
            """
            UPDATE job_files SET upload_id = ?
            WHERE job_id = ? AND name = ? AND artifact_id IS NULL
                AND (SELECT state FROM jobs WHERE id = job_files.job_id) = 'waiting'
            RETURNING name
            """, [.text(uploadID), .text(jobID.lowercasedString), .text(name)])
        return !rows.isEmpty
    }

    public func completeFile(_ completion: FileCompletion) async throws -> FileCompletionResult {
        let id = completion.jobID.lowercasedString
        let artifact = completion.artifact
        let now = Date().microseconds
        let result: FileCompletionResult = try await transactions.run { connection in
            let recorded = try await connection.query(
                """
                UPDATE job_files SET upload_id = NULL, artifact_id = ?, size = ?, sha256 = ?, completed_at = ?
                WHERE job_id = ? AND name = ? AND artifact_id IS NULL
                    AND (SELECT state FROM jobs WHERE id = job_files.job_id) = 'waiting'
                RETURNING name
                """,
                [
                    .text(artifact.id.lowercasedString), .integer(Int(artifact.size)), .text(artifact.sha256),
                    .integer(Int(now)), .text(id), .text(completion.name),
                ])
            guard !recorded.isEmpty else {
                let job = try await connection.query("SELECT * FROM jobs WHERE id = ?", [.text(id)]).first.map(
                    Job.init(row:))
                return job.map(FileCompletionResult.notWaiting) ?? .notFound
            }
            let job = try await Self.startIfComplete(id: id, now: now, on: connection)
            return .recorded(job)
        }
        if case .recorded(let job) = result, job.state == .pending { readySignals.broadcast(job.queue) }
        return result
    }

    public func startWaitingJob(id: UUID) async throws -> WaitingJobStart {
        let key = id.lowercasedString
        let result: WaitingJobStart = try await transactions.run { connection in
            guard
                let job = try await connection.query("SELECT * FROM jobs WHERE id = ?", [.text(key)]).first.map(
                    Job.init(row:))
            else { return .notFound }
            guard job.state == .waiting else { return .notWaiting(job) }
            let missing = try await connection.query(
                "SELECT name FROM job_files WHERE job_id = ? AND required AND artifact_id IS NULL ORDER BY position",
                [.text(key)]
            ).map { try $0.required("name", \.string) }
            guard missing.isEmpty else { return .filesMissing(job, missing: missing) }
            return .started(try await Self.startIfComplete(id: key, now: Date().microseconds, on: connection))
        }
        if case .started(let job) = result { readySignals.broadcast(job.queue) }
        return result
    }

    @discardableResult
    public func expireWaitingJobs(createdBefore: Date) async throws -> [Job] {
        let error = JobError(
            code: .filesMissing, message: "the job's required files were not all uploaded before it expired",
            retryable: false)
        return try await connection.query(
            """
            UPDATE jobs SET state = 'failed', error = ?, finished_at = ?
            WHERE state = 'waiting' AND created_at < ? RETURNING *
            """,
            [try error.sqliteText(), .integer(Int(Date().microseconds)), .integer(Int(createdBefore.microseconds))]
        ).map(Job.init(row:))
    }

    /// Moves waiting job `id` to `pending`, ready now, when none of its required files is missing;
    /// returns the job as it is then.
    private static func startIfComplete(id: String, now: Int64, on connection: SQLiteConnection) async throws -> Job {
        let rows = try await connection.query(
            """
            UPDATE jobs SET state = 'pending', run_at = ?
            WHERE id = ? AND state = 'waiting'
                AND NOT EXISTS (SELECT 1 FROM job_files WHERE job_id = ? AND required AND artifact_id IS NULL)
            RETURNING *
            """, [.integer(Int(now)), .text(id), .text(id)])
        if let started = rows.first { return try Job(row: started) }
        guard let job = try await connection.query("SELECT * FROM jobs WHERE id = ?", [.text(id)]).first else {
            throw MalformedRow(column: "id")
        }
        return try Job(row: job)
    }

    /// Inserts the declared files of `jobs` on `connection`, inside the transaction inserting the jobs.
    static func insertFiles(of jobs: [NewJob], on connection: SQLiteConnection) async throws {
        for job in jobs where !job.files.isEmpty {
            let placeholders = Array(repeating: "(?, ?, ?, ?)", count: job.files.count).joined(separator: ", ")
            let binds: [SQLiteData] = job.files.enumerated().flatMap { position, file -> [SQLiteData] in
                [.text(job.id.lowercasedString), .integer(position), .text(file.name), .integer(file.required ? 1 : 0)]
            }
            _ = try await connection.query(
                "INSERT INTO job_files (job_id, position, name, required) VALUES \(placeholders)", binds)
        }
    }
}

extension JobFile {
    init(row: SQLiteRow) throws {
        guard let jobID = UUID(uuidString: try row.required("job_id", \.string)) else {
            throw MalformedRow(column: "job_id")
        }
        self.init(
            jobID: jobID, name: try row.required("name", \.string),
            required: try row.required("required", \.integer) != 0,
            uploadID: row.optional("upload_id", \.string),
            artifactID: row.optional("artifact_id", \.string).flatMap(UUID.init(uuidString:)),
            size: row.optional("size", \.integer).map(Int64.init), sha256: row.optional("sha256", \.string),
            completedAt: row.optionalDate("completed_at"))
    }
}
