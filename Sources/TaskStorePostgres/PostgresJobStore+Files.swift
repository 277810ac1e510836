import Foundation
import PostgresNIO
import TaskRuntime

extension PostgresJobStore {
    public func files(ofJob id: UUID) async throws -> [JobFile] {
        try await rows("SELECT \(unescaped: JobFile.columns) FROM job_files WHERE job_id = \(id) ORDER BY position")
            .map(JobFile.init(row:))
    }

    public func attachUpload(_ uploadID: String, toFile name: String, ofJob jobID: UUID) async throws -> Bool {
        let updated = try await rows(
            """
            UPDATE job_files SET upload_id = \(uploadID)
            WHERE job_id = \(jobID) AND name = \(name) AND artifact_id IS NULL
                AND EXISTS (SELECT 1 FROM jobs WHERE id = \(jobID) AND state = 'waiting')
            RETURNING name
            """)
        return !updated.isEmpty
    }

    /// Locks the job row first, so that of two files completing at once the second sees the first
    /// and starts the job.
    public func completeFile(_ completion: FileCompletion) async throws -> FileCompletionResult {
        let id = completion.jobID
        let artifact = completion.artifact
        return try await transaction { connection, logger in
            let locked = try await connection.query("SELECT * FROM jobs WHERE id = \(id) FOR UPDATE", logger: logger)
                .collect()
            guard let row = locked.first else { return .notFound }
            let job = try Job(row: row)
            guard job.state == .waiting else { return .notWaiting(job) }
            let recorded = try await connection.query(
                """
                UPDATE job_files SET upload_id = NULL, artifact_id = \(artifact.id), size = \(artifact.size),
                    sha256 = \(artifact.sha256), completed_at = now()
                WHERE job_id = \(id) AND name = \(completion.name) AND artifact_id IS NULL
                RETURNING name
                """, logger: logger
            ).collect()
            guard !recorded.isEmpty else { return .notWaiting(job) }
            return .recorded(try await Self.startIfComplete(job, on: connection, logger: logger))
        }
    }

    public func startWaitingJob(id: UUID) async throws -> WaitingJobStart {
        try await transaction { connection, logger in
            let locked = try await connection.query("SELECT * FROM jobs WHERE id = \(id) FOR UPDATE", logger: logger)
                .collect()
            guard let row = locked.first else { return .notFound }
            let job = try Job(row: row)
            guard job.state == .waiting else { return .notWaiting(job) }
            let missing = try await connection.query(
                """
                SELECT name FROM job_files WHERE job_id = \(id) AND required AND artifact_id IS NULL ORDER BY position
                """, logger: logger
            ).collect().map { try $0.decode(String.self) }
            guard missing.isEmpty else { return .filesMissing(job, missing: missing) }
            return .started(try await Self.startIfComplete(job, on: connection, logger: logger))
        }
    }

    @discardableResult
    public func expireWaitingJobs(createdBefore: Date) async throws -> [Job] {
        let error = JobError(
            code: .filesMissing, message: "the job's required files were not all uploaded before it expired",
            retryable: false)
        return try await rows(
            """
            UPDATE jobs SET state = 'failed', error = \(try error.canonicalJSON())::jsonb, finished_at = now()
            WHERE state = 'waiting' AND created_at < \(createdBefore) RETURNING *
            """
        ).map(Job.init(row:))
    }

    /// Moves the locked waiting `job` to `pending`, ready now, when none of its required files is
    /// missing; returns the job as it is then.
    private static func startIfComplete(
        _ job: Job, on connection: PostgresConnection, logger: Logger
    ) async throws -> Job {
        let started = try await connection.query(
            """
            UPDATE jobs SET state = 'pending', run_at = now()
            WHERE id = \(job.id) AND state = 'waiting'
                AND NOT EXISTS (SELECT 1 FROM job_files WHERE job_id = \(job.id) AND required AND artifact_id IS NULL)
            RETURNING *
            """, logger: logger
        ).collect()
        return try started.first.map(Job.init(row:)) ?? job
    }

    /// Runs `body` in one transaction, describing a failure with the database's message; an error
    /// of the store's own that `body` throws (``DatasetNotFound``) is rethrown as it is.
    func transaction<Result: Sendable>(
        _ body: @escaping @Sendable (PostgresConnection, Logger) async throws -> Result
    ) async throws -> Result {
        let logger = self.logger
        do {
            return try await client.withTransaction(logger: logger) { connection in try await body(connection, logger) }
        } catch let error as PSQLError {
            throw PostgresStoreError(error)
        } catch let error as PostgresTransactionError {
            if let refusal = error.closureError as? DatasetNotFound { throw refusal }
            if let failure = (error.closureError ?? error.commitError ?? error.beginError) as? PSQLError {
                throw PostgresStoreError(failure)
            }
            throw error
        }
    }
}

extension JobFile {
    /// The columns ``init(row:)`` decodes, in order.
    static let columns = "job_id, name, required, upload_id, artifact_id, size, sha256, completed_at"

    init(row: PostgresRow) throws {
        let (jobID, name, required, uploadID, artifactID, size, sha256, completedAt) =
            try row.decode((UUID, String, Bool, String?, UUID?, Int64?, String?, Date?).self)
        self.init(
            jobID: jobID, name: name, required: required, uploadID: uploadID, artifactID: artifactID, size: size,
            sha256: sha256, completedAt: completedAt)
    }
}
