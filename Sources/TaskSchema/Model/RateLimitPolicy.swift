/// How fast jobs of a task may start, across every worker sharing the store:
/// `rate_limit: {key: brave, per_second: 1, burst: 1}` (or `per_minute: 30`).
///
/// A token bucket named ``key``: it holds at most ``burst`` tokens, gains ``perSecond`` tokens a
/// second, and every attempt that starts takes one. Tasks naming the same key share the bucket (two
/// tasks calling one provider). Jobs that find the bucket empty stay `pending`; they do not fail. An
/// operational setting like ``TaskDefinition/queue``: not part of the schema lock.
public struct RateLimitPolicy: Sendable, Hashable {
    /// The bucket's name; the task's name when `key` is not written.
    public var key: String
    /// Tokens added per second (`per_minute` is divided by 60); greater than zero.
    public var perSecond: Double
    /// The most tokens the bucket holds: how many jobs may start at once after a quiet spell; at least 1.
    public var burst: Int

    public init(key: String, perSecond: Double, burst: Int = 1) {
        self.key = key
        self.perSecond = perSecond
        self.burst = burst
    }
}
