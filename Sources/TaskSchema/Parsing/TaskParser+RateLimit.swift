extension TaskParser {
    private static let rateLimitKeys = ["key", "per_second", "per_minute", "burst"]

    /// `rate_limit: {key: brave, per_second: 1, burst: 1}`: exactly one of `per_second` and
    /// `per_minute` (a positive number); `key` defaults to the task's name, `burst` to 1.
    func rateLimitPolicy(_ entry: YAMLNode.Entry, task: String) -> RateLimitPolicy? {
        guard let rawEntries = entry.value.entries else {
            context.error("'rate_limit' must be a mapping, found \(entry.value.found)", at: entry.valueLocation)
            return nil
        }
        let entries = context.uniqueEntries(rawEntries, noun: "key")
        context.rejectUnknownKeys(entries, allowed: Self.rateLimitKeys, place: "in 'rate_limit'")
        func value(_ key: String) -> YAMLNode.Entry? { entries.first { $0.key == key } }

        let key = value("key").map(rateLimitKey) ?? task
        let burst = value("burst").map { context.integer($0, minimum: 1) } ?? 1
        let rate: Double?
        switch (value("per_second"), value("per_minute")) {
        case (let perSecond?, nil):
            rate = positiveRate(perSecond)
        case (nil, let perMinute?):
            rate = positiveRate(perMinute).map { $0 / 60 }
        case (_?, let perMinute?):
            context.error("'rate_limit' takes 'per_second' or 'per_minute', not both", at: perMinute.keyLocation)
            rate = nil
        case (nil, nil):
            context.error("'rate_limit' needs 'per_second' or 'per_minute'", at: entry.keyLocation)
            rate = nil
        }
        guard let key, let burst, let rate else { return nil }
        return RateLimitPolicy(key: key, perSecond: rate, burst: burst)
    }

    /// `key: brave`: a lower snake_case name (it is shared by every task that writes it).
    private func rateLimitKey(_ entry: YAMLNode.Entry) -> String? {
        guard let key = context.string(entry) else { return nil }
        guard Naming.isLowerSnakeCase(key) else {
            context.error("rate limit key '\(key)' must be lower snake_case", at: entry.valueLocation)
            return nil
        }
        return key
    }

    private func positiveRate(_ entry: YAMLNode.Entry) -> Double? {
        let rate: Double? =
            switch entry.value.scalar {
            case .integer(let value): Double(value)
            case .number(let value?): value
            default: nil
            }
        guard let rate, rate > 0, rate.isFinite else {
            context.error(
                "'\(entry.key)' must be a number greater than 0, found \(entry.value.found)", at: entry.valueLocation)
            return nil
        }
        return rate
    }
}
