import Foundation

/// What a worker asks ``JobStore/claim(_:)`` for: up to ``limit`` ready jobs of ``queues``, taking a
/// token from the shared bucket of every rate-limited task whose job it starts.
public struct ClaimRequest: Sendable, Hashable {
    public var queues: [String]
    public var limit: Int
    /// The worker process that will hold the leases.
    public var worker: String
    public var leaseDuration: Duration
    /// The rate limits of the tasks on ``queues``; jobs of other tasks start without a token.
    public var rateLimits: [RateLimitRule]

    public init(queues: [String], limit: Int, worker: String, leaseDuration: Duration, rateLimits: [RateLimitRule] = [])
    {
        self.queues = queues
        self.limit = limit
        self.worker = worker
        self.leaseDuration = leaseDuration
        self.rateLimits = rateLimits
    }
}

/// One shared token bucket and the tasks that draw from it.
public struct RateLimitRule: Sendable, Hashable {
    public var key: String
    /// The tasks whose attempts take a token from this bucket, sorted.
    public var tasks: [String]
    public var perSecond: Double
    public var burst: Int

    public init(key: String, tasks: [String], perSecond: Double, burst: Int) {
        self.key = key
        self.tasks = tasks.sorted()
        self.perSecond = perSecond
        self.burst = burst
    }

    /// The rules of `definitions`, one per key, sorted by key. Tasks sharing a key share the rule of
    /// the first of them by name (declaring one key with two rates is a configuration mistake that
    /// the first task's rate resolves deterministically).
    public static func rules(for definitions: [TaskDefinition]) -> [RateLimitRule] {
        let limited = definitions.filter { $0.rateLimit != nil }.sorted { $0.name < $1.name }
        let byKey = Dictionary(grouping: limited) { $0.rateLimit?.key ?? $0.name }
        return byKey.keys.sorted().compactMap { key in
            guard let tasks = byKey[key], let policy = tasks.first?.rateLimit else { return nil }
            return RateLimitRule(key: key, tasks: tasks.map(\.name), perSecond: policy.perSecond, burst: policy.burst)
        }
    }

    /// The bucket's tokens `elapsed` after it held `tokens`: refilled at ``perSecond``, capped at ``burst``.
    public func refilled(_ tokens: Double, after elapsed: Duration) -> Double {
        min(Double(burst), tokens + max(elapsed.seconds, 0) * perSecond)
    }

    /// How long until a bucket left with `tokens` holds a whole token again.
    public func timeUntilToken(from tokens: Double) -> Duration {
        .seconds(max(1 - tokens, 0) / perSecond)
    }
}

/// The jobs a claim started, and when to ask again for the rate-limited ones it had to leave.
public struct ClaimResult: Sendable, Hashable {
    public var jobs: [Job]
    /// Set when a rate limit's bucket holds less than a whole token after the claim: the time until
    /// the first such bucket holds one again, as jobs of that limit may be waiting. `nil` when every
    /// bucket has a token to give (a store may also leave it `nil` when it knows no such job waits).
    public var nextTokenIn: Duration?

    public init(jobs: [Job], nextTokenIn: Duration? = nil) {
        self.jobs = jobs
        self.nextTokenIn = nextTokenIn
    }
}
