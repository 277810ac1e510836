import Foundation
import PostgresNIO
import TaskRuntime

extension PostgresJobStore {
    /// One upsert that takes the key when it is free, expired or abandoned, else a read of the record
    /// that holds it. The primary key makes concurrent claims of one key wait for each other; the
    /// loop covers a record that expired or was released between the two statements.
    public func claimIdempotencyKey(
        _ claim: IdempotencyClaim, abandonedAfter: Duration
    ) async throws -> IdempotencyRecord? {
        for _ in 0..<3 {
            let claimed = try await rows(
                """
                INSERT INTO idempotency_keys (principal, key, request_hash, job_id, expires_at)
                VALUES (\(claim.principal), \(claim.key), \(claim.requestHash), \(claim.jobID), \(claim.expiresAt))
                ON CONFLICT (principal, key) DO UPDATE SET
                    request_hash = excluded.request_hash, job_id = excluded.job_id, status = NULL, body = NULL,
                    created_at = now(), expires_at = excluded.expires_at
                WHERE idempotency_keys.expires_at <= now()
                    OR (idempotency_keys.status IS NULL
                        AND idempotency_keys.created_at < now() - make_interval(secs => \(abandonedAfter.seconds))
                        AND NOT EXISTS (SELECT 1 FROM jobs WHERE jobs.id = idempotency_keys.job_id))
                RETURNING 1
                """)
            if !claimed.isEmpty { return nil }
            let held = try await rows(
                """
                SELECT principal, key, request_hash, job_id, status, body, created_at, expires_at FROM idempotency_keys
                WHERE principal = \(claim.principal) AND key = \(claim.key) AND expires_at > now()
                """)
            if let row = held.first { return try Self.idempotencyRecord(row) }
        }
        throw IdempotencyKeyContention(key: claim.key)
    }

    public func recordIdempotentResponse(principal: String, key: String, response: StoredResponse) async throws {
        _ = try await rows(
            """
            UPDATE idempotency_keys SET status = \(response.status), body = \(response.body)
            WHERE principal = \(principal) AND key = \(key)
            """)
    }

    public func releaseIdempotencyKey(principal: String, key: String, jobID: UUID) async throws {
        _ = try await rows(
            """
            DELETE FROM idempotency_keys
            WHERE principal = \(principal) AND key = \(key) AND job_id = \(jobID) AND status IS NULL
            """)
    }

    public func dedupHistory(key: String) async throws -> DedupHistory {
        let latest = try await rows("SELECT * FROM jobs WHERE dedup_key = \(key) ORDER BY seq DESC LIMIT 1")
        let succeeded = try await rows(
            """
            SELECT * FROM jobs WHERE dedup_key = \(key) AND state = 'succeeded' AND finished_at IS NOT NULL
            ORDER BY finished_at DESC LIMIT 1
            """)
        return DedupHistory(
            latest: try latest.first.map(Job.init(row:)), latestSucceeded: try succeeded.first.map(Job.init(row:)))
    }

    public func pruneExpired(now: Date) async throws {
        _ = try await rows("DELETE FROM idempotency_keys WHERE expires_at <= \(now)")
        _ = try await rows("DELETE FROM workers WHERE expires_at <= \(now)")
    }

    private static func idempotencyRecord(_ row: PostgresRow) throws -> IdempotencyRecord {
        let (principal, key, hash, jobID, status, body, createdAt, expiresAt) = try row.decode(
            (String, String, String, UUID, Int?, String?, Date, Date).self)
        let response = status.flatMap { status in body.map { StoredResponse(status: status, body: $0) } }
        return IdempotencyRecord(
            principal: principal, key: key, requestHash: hash, jobID: jobID, response: response, createdAt: createdAt,
            expiresAt: expiresAt)
    }
}
