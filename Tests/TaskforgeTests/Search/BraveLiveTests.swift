import Foundation
import TaskRuntime
import Tasks
import Testing

/// The real API's key, from the environment of the test run.
private let liveBraveAPIKey = ProcessInfo.processInfo.environment["BRAVE_API_KEY"].flatMap { $0.isEmpty ? nil : $0 }

/// The adapter against the real Brave Search API: registered as disabled, with the reason, unless
/// `BRAVE_API_KEY` is set (then it must reach Brave and get results).
@Suite("Brave Search live", .enabled(if: liveBraveAPIKey != nil, "set BRAVE_API_KEY to search the real Brave API"))
struct BraveLiveTests {
    @Test func aRealSearchReturnsResults() async throws {
        let provider = BraveSearchProvider(apiKey: try #require(liveBraveAPIKey))
        let page = try await provider.search(
            SearchRequest(query: "swift programming language", count: 3, recencyDays: 365))
        #expect(!page.results.isEmpty && page.results.count <= 3)
        #expect(page.results.allSatisfy { $0.url.hasPrefix("http") && !$0.title.isEmpty })
    }
}
