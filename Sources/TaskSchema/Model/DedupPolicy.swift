/// How submissions of a task are deduplicated:
/// `dedup: {key: [dataset, date], reuse_result_for: 1h}`.
///
/// Two submissions with equal values of the ``keyFields`` (after defaults are applied; a missing
/// field counts as null) share one job while it is pending or running, and a job that succeeded is
/// handed back for ``reuseResultFor`` after it finished. An operational setting like
/// ``TaskDefinition/queue``: not part of the schema lock.
public struct DedupPolicy: Sendable, Hashable {
    /// Top-level input property names, distinct and in the declared order.
    public var keyFields: [String]
    /// How long after it finished a succeeded job is returned instead of a new one; zero: never.
    public var reuseResultFor: Duration

    public init(keyFields: [String], reuseResultFor: Duration = .zero) {
        self.keyFields = keyFields
        self.reuseResultFor = reuseResultFor
    }
}
