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
        try await rows(
            """
            INSERT INTO rate_buckets (key, tokens, refilled_at)
            SELECT key, burst, now() FROM unnest(\(rules.map(\.key))::text[], \(rules.map(\.burst))::int8[]) AS rule (key, burst)
            ON CONFLICT (key) DO NOTHING
            """)
        let claimed = try await rows(Self.claimStatement(request)).map(Job.init(row:))
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
}
