import Foundation

/// What one claim did to the rate limit buckets it read: the tokens each keeps, and when one of
/// them that ran dry holds a token again. Stores compute it between claiming and writing the buckets.
public struct RateLimitSpending: Sendable, Hashable {
    /// The buckets' keys, sorted, and the tokens each holds after the claim, in the same order.
    public let keys: [String]
    public let remaining: [Double]
    /// See ``ClaimResult/nextTokenIn``.
    public let nextTokenIn: Duration?

    /// - Parameters:
    ///   - available: each bucket's tokens, refilled to now, before the claim.
    ///   - grants: how many jobs of each key the claim was allowed to start.
    ///   - started: the jobs it started.
    public init(rules: [RateLimitRule], available: [String: Double], grants: [String: Int], started: [Job]) {
        let keyOfTask = Dictionary(
            rules.flatMap { rule in rule.tasks.map { ($0, rule.key) } }, uniquingKeysWith: { first, _ in first })
        var taken: [String: Int] = [:]
        for job in started {
            if let key = keyOfTask[job.task] { taken[key, default: 0] += 1 }
        }
        var keys: [String] = []
        var remaining: [Double] = []
        var waits: [Duration] = []
        for rule in rules.sorted(by: { $0.key < $1.key }) {
            guard let tokens = available[rule.key] else { continue }
            let spent = taken[rule.key] ?? 0
            let left = tokens - Double(spent)
            keys.append(rule.key)
            remaining.append(left)
            // Every granted token used and none left whole: more of its jobs may be waiting.
            if spent == grants[rule.key] ?? 0, left < 1 {
                waits.append(rule.timeUntilToken(from: left))
            }
        }
        self.keys = keys
        self.remaining = remaining
        self.nextTokenIn = waits.min()
    }
}
