import Foundation
import SQLiteNIO
import TaskRuntime

extension SQLiteJobStore {
    /// One `BEGIN IMMEDIATE` transaction (the write lock from the start, so claims in this and other
    /// processes take turns): create full buckets on first use, refill them to now, claim with as many
    /// jobs per key as a bucket holds whole tokens, and take a token per job started.
    func claimRateLimited(_ request: ClaimRequest) async throws -> ClaimResult {
        let rules = request.rateLimits
        let now = Date()
        return try await transactions.run { connection in
            for rule in rules {
                _ = try await connection.query(
                    "INSERT OR IGNORE INTO rate_buckets (key, tokens, refilled_at) VALUES (?, ?, ?)",
                    [.text(rule.key), .float(Double(rule.burst)), .integer(Int(now.microseconds))])
            }
            let placeholders = Array(repeating: "?", count: rules.count).joined(separator: ", ")
            let buckets = try await connection.query(
                "SELECT key, tokens, refilled_at FROM rate_buckets WHERE key IN (\(placeholders))", rules.map { .text($0.key) })
            var available: [String: Double] = [:]
            for bucket in buckets {
                guard let key = bucket.column("key")?.string, let rule = rules.first(where: { $0.key == key }),
                    let tokens = bucket.column("tokens")?.double, let refilledAt = bucket.column("refilled_at")?.integer
                else { continue }
                let elapsed = Duration.microseconds(Int64(now.microseconds) - Int64(refilledAt))
                available[key] = rule.refilled(tokens, after: elapsed)
            }
            let grants = available.mapValues { min(Int($0.rounded(.down)), request.limit) }
            let claimed = try await Self.claim(request, tokens: grants, now: now, on: connection)
            let spending = RateLimitSpending(rules: rules, available: available, grants: grants, started: claimed)
            for (key, tokens) in zip(spending.keys, spending.remaining) {
                _ = try await connection.query(
                    "UPDATE rate_buckets SET tokens = ?, refilled_at = ? WHERE key = ?",
                    [.float(tokens), .integer(Int(now.microseconds)), .text(key)])
            }
            return ClaimResult(jobs: claimed, nextTokenIn: spending.nextTokenIn)
        }
    }
}

extension SQLiteJobStore {
    /// One `BEGIN IMMEDIATE` transaction: create the bucket full on first use, refill it to now and
    /// take `cost` tokens if it holds them.
    public func spendRateTokens(_ cost: Int, of rule: RateLimitRule) async throws -> RateSpend {
        let now = Date()
        return try await transactions.run { connection in
            _ = try await connection.query(
                "INSERT OR IGNORE INTO rate_buckets (key, tokens, refilled_at) VALUES (?, ?, ?)",
                [.text(rule.key), .float(Double(rule.burst)), .integer(Int(now.microseconds))])
            let bucket = try await connection.query(
                "SELECT tokens, refilled_at FROM rate_buckets WHERE key = ?", [.text(rule.key)]
            ).first
            guard let tokens = bucket?.column("tokens")?.double, let refilledAt = bucket?.column("refilled_at")?.integer else {
                throw MalformedRow(column: "tokens or refilled_at")
            }
            let available = rule.refilled(tokens, after: .microseconds(Int64(now.microseconds) - Int64(refilledAt)))
            let granted = available >= Double(cost)
            let remaining = granted ? available - Double(cost) : available
            _ = try await connection.query(
                "UPDATE rate_buckets SET tokens = ?, refilled_at = ? WHERE key = ?",
                [.float(remaining), .integer(Int(now.microseconds)), .text(rule.key)])
            return RateSpend(granted: granted, remaining: remaining)
        }
    }
}
