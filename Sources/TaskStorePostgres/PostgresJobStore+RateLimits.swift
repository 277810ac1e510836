import Foundation
import PostgresNIO
import TaskRuntime

extension PostgresJobStore {
    /// One transaction: lock the request's buckets (creating full ones on first use) in key order,
    /// refill them to `now()`, claim with as many jobs per key as it holds whole tokens, and take a
    /// token per job started. Concurrent claims on a key queue on its bucket's row lock, so tokens are
    /// never handed out twice; claims of queues without rate limits never touch a bucket.
    func claimRateLimited(_ request: ClaimRequest) async throws -> ClaimResult {
        let rules = request.rateLimits
        let keys = rules.map(\.key)
        let logger = self.logger
        do {
            return try await client.withTransaction(logger: logger) { connection in
                try await connection.query(
                    """
                    INSERT INTO rate_buckets (key, tokens, refilled_at)
                    SELECT key, burst, now() FROM unnest(\(keys)::text[], \(rules.map(\.burst))::int8[]) AS rule (key, burst)
                    ON CONFLICT (key) DO NOTHING
                    """, logger: logger)
                var available: [String: Double] = [:]
                let buckets = try await connection.query(
                    """
                    SELECT key, tokens, extract(epoch FROM now() - refilled_at)::float8 FROM rate_buckets
                    WHERE key = ANY(\(keys)::text[]) ORDER BY key FOR UPDATE
                    """, logger: logger)
                for try await (key, tokens, elapsed) in buckets.decode((String, Double, Double).self) {
                    guard let rule = rules.first(where: { $0.key == key }) else { continue }
                    available[key] = rule.refilled(tokens, after: .seconds(elapsed))
                }
                let grants = available.mapValues { min(Int($0.rounded(.down)), request.limit) }
                let claimed = try await connection.query(Self.claimStatement(request, tokens: grants), logger: logger)
                    .collect().map(Job.init(row:))
                let spending = RateLimitSpending(rules: rules, available: available, grants: grants, started: claimed)
                try await connection.query(
                    """
                    UPDATE rate_buckets SET tokens = spent.tokens, refilled_at = now()
                    FROM unnest(\(spending.keys)::text[], \(spending.remaining)::float8[]) AS spent (key, tokens)
                    WHERE rate_buckets.key = spent.key
                    """, logger: logger)
                return ClaimResult(jobs: claimed, nextTokenIn: spending.nextTokenIn)
            }
        } catch let error as PostgresTransactionError {
            let cause = [error.closureError, error.beginError, error.commitError].lazy.compactMap { $0 as? PSQLError }.first
            throw cause.map(PostgresStoreError.init) ?? PostgresStoreError("the rate-limited claim failed: \(error)")
        }
    }
}
