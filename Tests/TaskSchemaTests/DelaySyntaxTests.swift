import Testing

@testable import TaskSchema

/// A job's `delay`: one to three `<number><unit>` parts of at most four digits, nothing else.
@Suite("Delay syntax")
struct DelaySyntaxTests {
    @Test(arguments: [
        ("30s", 30.0), ("1h30m", 5400), ("1.5s", 1.5), ("1440m", 86_400), ("250ms", 0.25), ("1d1h1m", 90_060),
    ])
    func delaysOfThePatternParse(text: String, seconds: Double) throws {
        let delay = try #require(DurationSyntax.parseDelay(text))
        #expect(delay == .milliseconds(Int64(seconds * 1000)))
    }

    @Test(arguments: ["", "30", "5x", "12345s", "1h2m3s4ms", "30s\n", " 30s", "-5m", "1.5.5s"])
    func anythingElseIsRefused(text: String) {
        #expect(DurationSyntax.parseDelay(text) == nil)
    }
}
