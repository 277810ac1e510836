/// What ``JobStore/spendRateTokens(_:of:)`` did: took the tokens, or left the bucket as it was.
public struct RateSpend: Sendable, Hashable {
    /// Whether the bucket held enough tokens, now taken.
    public var granted: Bool
    /// The tokens left in the bucket, refilled to now (after the spend when granted).
    public var remaining: Double

    public init(granted: Bool, remaining: Double) {
        self.granted = granted
        self.remaining = remaining
    }
}

extension RateLimitRule {
    /// How long until a bucket holding `tokens` holds `needed` again (zero when it already does).
    public func timeUntil(_ needed: Double, from tokens: Double) -> Duration {
        .seconds(max(needed - tokens, 0) / perSecond)
    }
}
