import Foundation
import SQLiteNIO
import TaskRuntime

extension SQLiteJobStore {
    /// One upsert that takes the key when it is free, expired or abandoned, else a read of the record
    /// that holds it; the loop covers a record that expired or was released between the two.
    public func claimIdempotencyKey(
        _ claim: IdempotencyClaim, abandonedAfter: Duration
    ) async throws -> IdempotencyRecord? {
        for _ in 0..<3 {
            let now = Int(Date().microseconds)
            let abandonedBefore = now - Int(abandonedAfter.seconds * 1_000_000)
            let claimed = try await connection.query(
                """
                INSERT INTO idempotency_keys (principal, key, request_hash, job_id, created_at, expires_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                ON CONFLICT (principal, key) DO UPDATE SET
                    request_hash = excluded.request_hash, job_id = excluded.job_id, status = NULL, body = NULL,
                    created_at = excluded.created_at, expires_at = excluded.expires_at
                WHERE idempotency_keys.expires_at <= ?5
                    OR (idempotency_keys.status IS NULL AND idempotency_keys.created_at < ?7
                        AND NOT EXISTS (SELECT 1 FROM jobs WHERE jobs.id = idempotency_keys.job_id))
                RETURNING 1
                """,
                [
                    .text(claim.principal), .text(claim.key), .text(claim.requestHash),
                    .text(claim.jobID.lowercasedString),
                    .integer(now), .integer(Int(claim.expiresAt.microseconds)), .integer(abandonedBefore),
                ])
            if !claimed.isEmpty { return nil }
            let held = try await connection.query(
                "SELECT * FROM idempotency_keys WHERE principal = ? AND key = ? AND expires_at > ?",
                [.text(claim.principal), .text(claim.key), .integer(now)])
            if let row = held.first { return try Self.idempotencyRecord(row) }
        }
        throw IdempotencyKeyContention(key: claim.key)
    }

    public func recordIdempotentResponse(principal: String, key: String, response: StoredResponse) async throws {
        _ = try await connection.query(
            "UPDATE idempotency_keys SET status = ?, body = ? WHERE principal = ? AND key = ?",
            [.integer(response.status), .text(response.body), .text(principal), .text(key)])
    }

    public func releaseIdempotencyKey(principal: String, key: String, jobID: UUID) async throws {
        _ = try await connection.query(
            "DELETE FROM idempotency_keys WHERE principal = ? AND key = ? AND job_id = ? AND status IS NULL",
            [.text(principal), .text(key), .text(jobID.lowercasedString)])
    }

    public func dedupHistory(key: String) async throws -> DedupHistory {
        let latest = try await connection.query(
            "SELECT * FROM jobs WHERE dedup_key = ? ORDER BY seq DESC LIMIT 1", [.text(key)])
        let succeeded = try await connection.query(
            """
            SELECT * FROM jobs WHERE dedup_key = ? AND state = 'succeeded' AND finished_at IS NOT NULL
            ORDER BY finished_at DESC LIMIT 1
            """, [.text(key)])
        return DedupHistory(
            latest: try latest.first.map(Job.init(row:)), latestSucceeded: try succeeded.first.map(Job.init(row:)))
    }

    public func pruneExpired(now: Date) async throws {
        let cutoff = SQLiteData.integer(Int(now.microseconds))
        _ = try await connection.query("DELETE FROM idempotency_keys WHERE expires_at <= ?", [cutoff])
        _ = try await connection.query("DELETE FROM workers WHERE expires_at <= ?", [cutoff])
    }

    private static func idempotencyRecord(_ row: SQLiteRow) throws -> IdempotencyRecord {
        guard let principal = row.column("principal")?.string, let key = row.column("key")?.string,
            let hash = row.column("request_hash")?.string,
            let jobID = row.column("job_id")?.string.flatMap(UUID.init(uuidString:)),
            let createdAt = row.column("created_at")?.integer, let expiresAt = row.column("expires_at")?.integer
        else { throw MalformedRow(column: "an idempotency_keys column") }
        let response = row.column("status")?.integer.flatMap { status in
            row.column("body")?.string.map { StoredResponse(status: status, body: $0) }
        }
        return IdempotencyRecord(
            principal: principal, key: key, requestHash: hash, jobID: jobID, response: response,
            createdAt: Date(microseconds: Int64(createdAt)), expiresAt: Date(microseconds: Int64(expiresAt)))
    }
}
