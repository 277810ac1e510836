import Foundation
import TaskRuntime
import TaskforgeTestSupport
import Tasks
import Testing

/// ``BraveSearchProvider`` against a stand-in speaking Brave's wire format: the exact request it
/// sends, and how it reads every kind of answer.
@Suite("Brave Search provider")
struct BraveSearchProviderTests {
    static let key = "test-subscription-token"
    /// 2026-02-01T12:00:00Z, the provider's "today" for explicit freshness ranges.
    static let today = Date(timeIntervalSince1970: 1_769_947_200)

    static func provider(_ standIn: BraveStandIn, timeout: Duration = .seconds(10)) -> BraveSearchProvider {
        BraveSearchProvider(apiKey: key, baseURL: standIn.baseURL, requestTimeout: timeout, now: { today })
    }

    static let page = BraveWire.searchPage(
        query: "swift concurrency",
        results: [
            .init(
                title: "Concurrency", url: "https://docs.swift.org/concurrency",
                description: "Async <strong>functions</strong>.",
                pageAge: "2025-11-03T08:15:00"),
            .init(title: "Actors", url: "https://www.swift.org/actors", description: "Isolation."),
        ], moreResultsAvailable: true)

    /// Asks for one search and returns the error it throws, which must be a ``TaskError``.
    static func failure(_ answer: BraveStandIn.Answer, timeout: Duration = .seconds(10)) async throws -> TaskError {
        try await BraveStandIn.with(answer: { _, _ in answer }) { standIn in
            do {
                let page = try await provider(standIn, timeout: timeout).search(SearchRequest(query: "q", count: 3))
                throw TestFailure("expected a failure, got \(page)")
            } catch let error as TaskError {
                #expect(!error.message.contains(key), "the API key must not leak into errors")
                return error
            }
        }
    }

    @Test func aSearchSendsTheDocumentedRequestAndReadsTheResults() async throws {
        try await BraveStandIn.with(answer: { _, _ in .init(status: 200, body: Self.page) }) { standIn in
            let page = try await Self.provider(standIn).search(
                SearchRequest(
                    query: "swift concurrency +actors & \"tasks\"", count: 5, recencyDays: 7, country: "DE",
                    searchLanguage: "de", safeSearch: "strict"))
            let request = try #require(standIn.requests.first)
            #expect(standIn.requests.count == 1)
            #expect(request.path == "/res/v1/web/search")
            #expect(
                request.parameters == [
                    "q": "swift concurrency +actors & \"tasks\"", "count": "5", "freshness": "pw", "country": "DE",
                    "search_lang": "de", "safesearch": "strict",
                ])
            #expect(request.headers["x-subscription-token"] == Self.key)
            #expect(request.headers["accept"] == "application/json")
            #expect(request.headers["accept-encoding"]?.contains("gzip") == true)

            #expect(page.moreResultsAvailable)
            #expect(page.results.map(\.url) == ["https://docs.swift.org/concurrency", "https://www.swift.org/actors"])
            #expect(page.results[0].description == "Async <strong>functions</strong>.")
            #expect(page.results[0].publishedAt == Date(timeIntervalSince1970: 1_762_157_700))
            #expect(page.results[1].publishedAt == nil)
        }
    }

    @Test func optionalParametersAreLeftOutWhenNotGiven() async throws {
        try await BraveStandIn.with(answer: { _, _ in .init(status: 200, body: Self.page) }) { standIn in
            _ = try await Self.provider(standIn).search(SearchRequest(query: "swift", count: 10))
            #expect(standIn.requests.first?.parameters == ["q": "swift", "count": "10"])
        }
    }

    @Test(arguments: [
        (1, "pd"), (7, "pw"), (31, "pm"), (365, "py"), (10, "2026-01-22to2026-02-01"), (3650, "2016-02-04to2026-02-01"),
    ])
    func recencyBecomesFreshness(days: Int, freshness: String) async throws {
        try await BraveStandIn.with(answer: { _, _ in .init(status: 200, body: Self.page) }) { standIn in
            _ = try await Self.provider(standIn).search(SearchRequest(query: "swift", count: 10, recencyDays: days))
            #expect(standIn.requests.first?.parameters["freshness"] == freshness)
        }
    }

    @Test func aGzipAnswerIsDecoded() async throws {
        try await BraveStandIn.with(answer: { _, _ in .init(status: 200, body: Self.page, gzip: true) }) { standIn in
            let page = try await Self.provider(standIn).search(SearchRequest(query: "swift", count: 2))
            #expect(page.results.count == 2)
        }
    }

    @Test func noResultsIsAnEmptyPage() async throws {
        let empty = BraveWire.searchPage(query: "zqxv", results: [])
        try await BraveStandIn.with(answer: { _, _ in .init(status: 200, body: empty) }) { standIn in
            let page = try await Self.provider(standIn).search(SearchRequest(query: "zqxv", count: 2))
            #expect(page.results.isEmpty && !page.moreResultsAvailable)
        }
    }

    @Test func anInvalidTokenIsAPermanentAuthFailure() async throws {
        let error = try await Self.failure(
            .init(
                status: 401,
                body: BraveWire.error(
                    status: 401, code: "SUBSCRIPTION_TOKEN_INVALID",
                    detail: "The provided subscription token is invalid.")))
        #expect(error.code == .upstreamAuthFailed && !error.isTransient)
        #expect(error.details?["provider_code"] == "SUBSCRIPTION_TOKEN_INVALID")
        #expect(error.details?["status"] == 401)
    }

    @Test func aForbiddenTokenIsAPermanentAuthFailure() async throws {
        let error = try await Self.failure(
            .init(
                status: 403,
                body: BraveWire.error(
                    status: 403, code: "SUBSCRIPTION_TOKEN_INVALID", detail: "Plan does not allow this.")))
        #expect(error.code == .upstreamAuthFailed && !error.isTransient)
    }

    @Test func aRejectedRequestIsPermanent() async throws {
        let error = try await Self.failure(
            .init(
                status: 422,
                body: BraveWire.error(
                    status: 422, code: "VALIDATION", detail: "Unable to validate request parameter(s).")))
        #expect(error.code == .upstreamRejected && !error.isTransient)
        #expect(error.message.contains("VALIDATION"))
    }

    @Test func aRateLimitIsTransientAndWaitsForTheSpentWindow() async throws {
        let error = try await Self.failure(
            .init(
                status: 429, headers: BraveWire.rateLimitHeaders(remaining: "0, 14000", reset: "1, 1419704"),
                body: BraveWire.error(
                    status: 429, code: "RATE_LIMITED", detail: "Request rate limit exceeded for plan.")))
        #expect(error.code == .upstreamRateLimited && error.isTransient)
        #expect(error.retryAfter == .seconds(1))
        #expect(error.details?["provider_code"] == "RATE_LIMITED")
    }

    @Test func retryAfterIsHonouredWhenLonger() async throws {
        var headers = BraveWire.rateLimitHeaders(remaining: "0, 14000", reset: "1, 1419704")
        headers["Retry-After"] = "7"
        let error = try await Self.failure(
            .init(
                status: 429, headers: headers,
                body: BraveWire.error(status: 429, code: "RATE_LIMITED", detail: "Slow down.")))
        #expect(error.code == .upstreamRateLimited && error.retryAfter == .seconds(7))
    }

    @Test func aSpentMonthlyQuotaIsPermanent() async throws {
        let error = try await Self.failure(
            .init(
                status: 429, headers: BraveWire.rateLimitHeaders(remaining: "1, 0", reset: "1, 1419704"),
                body: BraveWire.error(status: 429, code: "RATE_LIMITED", detail: "Request quota exceeded for plan.")))
        #expect(error.code == .upstreamQuotaExhausted && !error.isTransient)
    }

    @Test func aServerErrorIsTransient() async throws {
        let error = try await Self.failure(.init(status: 500, body: "upstream exploded"))
        #expect(error.code == .upstreamUnavailable && error.isTransient && error.retryAfter == nil)
    }

    @Test func aSlowAnswerTimesOutAsTransient() async throws {
        let error = try await Self.failure(
            .init(status: 200, body: Self.page, delay: .seconds(2)), timeout: .milliseconds(300))
        #expect(error.code == .upstreamTimeout && error.isTransient)
    }

    @Test(arguments: [
        "{\"type\": \"search\", \"web\": {\"results\": [{\"title\": 1}]}", "<html>busy</html>",
        "{\"type\": \"ErrorResponse\"}",
    ])
    func aMalformedBodyIsAPermanentBadResponse(body: String) async throws {
        let error = try await Self.failure(.init(status: 200, body: body))
        #expect(error.code == .upstreamBadResponse && !error.isTransient)
    }

    @Test func anUnreachableProviderIsTransient() async throws {
        let closed = try await BraveStandIn.with(answer: { _, _ in .init(status: 200, body: Self.page) }) { $0.baseURL }
        let provider = BraveSearchProvider(apiKey: Self.key, baseURL: closed, requestTimeout: .seconds(1))
        do {
            _ = try await provider.search(SearchRequest(query: "swift", count: 1))
            Issue.record("a closed port answered")
        } catch let error as TaskError {
            #expect(error.code == .upstreamUnavailable && error.isTransient)
        }
    }
}
