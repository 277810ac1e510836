import TaskSchema
import Testing

/// A task declaring `rate_limit: <rateLimit>` on line 9.
private func registry(rateLimit: String) -> String {
    """
    tasks:
      search:
        version: 1
        summary: S.
        timeout: 1s
        queue: io
        input: {type: object}
        output: {type: object}
        rate_limit: \(rateLimit)
    """
}

@Suite struct RateLimitParsingTests {
    @Test(arguments: [
        ("{key: brave, per_second: 1, burst: 1}", RateLimitPolicy(key: "brave", perSecond: 1, burst: 1)),
        ("{per_second: 2.5}", RateLimitPolicy(key: "search", perSecond: 2.5, burst: 1)),
        ("{key: brave, per_minute: 30, burst: 5}", RateLimitPolicy(key: "brave", perSecond: 0.5, burst: 5)),
    ])
    func parsesTheRateTheBurstAndTheKey(_ text: String, _ expected: RateLimitPolicy) throws {
        let result = RegistryParser.parse(registry(rateLimit: text), file: "tasks.yaml")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.registry?.task(named: "search")?.rateLimit == expected)
    }

    @Test(arguments: [
        ("{key: brave}", ["tasks.yaml:9:5: error: 'rate_limit' needs 'per_second' or 'per_minute'"]),
        (
            "{per_second: 1, per_minute: 60}",
            ["tasks.yaml:9:33: error: 'rate_limit' takes 'per_second' or 'per_minute', not both"]
        ),
        ("{per_second: 0}", ["tasks.yaml:9:30: error: 'per_second' must be a number greater than 0, found 0"]),
        ("{per_minute: fast}", ["tasks.yaml:9:30: error: 'per_minute' must be a number greater than 0, found string"]),
        ("{per_second: 1, burst: 0}", ["tasks.yaml:9:40: error: 'burst' must be a positive integer, found 0"]),
        ("{key: Brave, per_second: 1}", ["tasks.yaml:9:23: error: rate limit key 'Brave' must be lower snake_case"]),
        (
            "{per_second: 1, bursts: 2}",
            ["tasks.yaml:9:33: error: unknown key 'bursts' in 'rate_limit'; did you mean 'burst'?"]
        ),
        ("1", ["tasks.yaml:9:17: error: 'rate_limit' must be a mapping, found 1"]),
    ])
    func reportsEachProblemAtItsPosition(_ text: String, _ expected: [String]) {
        let result = RegistryParser.parse(registry(rateLimit: text), file: "tasks.yaml")
        #expect(result.registry == nil)
        #expect(result.diagnostics.map(\.description) == expected)
    }
}
