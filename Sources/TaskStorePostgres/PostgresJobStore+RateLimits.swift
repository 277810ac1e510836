import Foundation
import PostgresNIO
import TaskRuntime

extension PostgresJobStore {
    /// A claim that spends rate limit tokens: create the request's missing buckets full, run the claim
    /// statement (which locks, refills and spends them), then read what the buckets hold to tell the
    /// worker when the first of them that ran dry has a whole token again.
    ///
    /// Each step is a statement of its own, in autocommit: the claim itself is atomic, and the other
    /// two are safe to repeat, so a lost connection can fail any of them but never strand a
    /// transaction or a lock.
    func claimRateLimited(_ request: ClaimRequest) async throws -> ClaimResult {
        let rules = request.rateLimits
        try await createMissingBuckets(rules)
        let claimed = try await rows(ClaimStatement(query: Self.claimStatement(request))).map(Job.init(row:))
        let buckets = try await rows(
            """
            SELECT key, tokens, extract(epoch FROM now() - refilled_at)::float8 FROM rate_buckets
            WHERE key = ANY(\(rules.map(\.key))::text[])
            """)
        var waits: [Duration] = []
        for row in buckets {
            let (key, tokens, elapsed) = try row.decode((String, Double, Double).self)
            guard let rule = rules.first(where: { $0.key == key }) else { continue }
            let available = rule.refilled(tokens, after: .seconds(elapsed))
            if available < 1 { waits.append(rule.timeUntilToken(from: available)) }
        }
        return ClaimResult(jobs: claimed, nextTokenIn: waits.min())
    }

    /// Creates the buckets of `rules` that do not exist yet, full; safe to repeat and to race.
    private func createMissingBuckets(_ rules: [RateLimitRule]) async throws {
        try await rows(
            """
            INSERT INTO rate_buckets (key, tokens, refilled_at)
            SELECT key, burst, now() FROM unnest(\(rules.map(\.key))::text[], \(rules.map(\.burst))::int8[]) AS rule (key, burst)
            ON CONFLICT (key) DO NOTHING
            """)
    }
}

extension PostgresJobStore {
    /// Creates the bucket full if missing, then one statement locks it, refills it to `now()` and
    /// takes `cost` tokens if it holds them, returning what it held before.
    public func spendRateTokens(_ cost: Int, of rule: RateLimitRule) async throws -> RateSpend {
        try await createMissingBuckets([rule])
        let spent = try await rows(
            """
            WITH bucket AS (
                SELECT key, LEAST(\(Double(rule.burst)),
                    tokens + GREATEST(extract(epoch FROM now() - refilled_at)::float8, 0) * \(rule.perSecond)) AS available
                FROM rate_buckets WHERE key = \(rule.key) FOR UPDATE)
            UPDATE rate_buckets SET refilled_at = now(),
                tokens = CASE WHEN bucket.available >= \(Double(cost)) THEN bucket.available - \(Double(cost)) ELSE bucket.available END
            FROM bucket WHERE rate_buckets.key = bucket.key
            RETURNING bucket.available
            """)
        guard let available = try spent.first?.decode(Double.self) else {
            throw PostgresStoreError.rateBucketVanished(key: rule.key)
        }
        let granted = available >= Double(cost)
        return RateSpend(granted: granted, remaining: granted ? available - Double(cost) : available)
    }
}
