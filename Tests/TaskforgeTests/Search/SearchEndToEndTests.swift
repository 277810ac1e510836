import Foundation
import Logging
import ServiceLifecycle
import TaskRuntime
import TaskforgeTestSupport
import Tasks
import Testing

/// The `search` task through the real HTTP API and workers on SQLite, calling a Brave stand-in.
@Suite("Search over HTTP")
struct SearchEndToEndTests {
    static let results: [BraveWire.Result] = [
        .init(
            title: "Swift Concurrency", url: "https://Docs.Swift.org:443/concurrency?utm_source=brave#top",
            description: "Tasks.",
            pageAge: "2025-11-03T08:15:00"),
        .init(title: "Same page again", url: "https://docs.swift.org/concurrency", description: "Duplicate."),
        .init(title: "Elsewhere", url: "https://example.net/swift", description: "Not allowed."),
        .init(title: "Forums", url: "https://forums.swift.org/t/1", description: "Talk."),
    ]

    static func page(_ request: BraveStandIn.Received, _: Int) -> BraveStandIn.Answer {
        .init(status: 200, body: BraveWire.searchPage(query: request.parameters["q"] ?? "", results: results))
    }

    /// Answers the first request with Brave's 429 (`RATE_LIMITED`, the per-second window spent and
    /// resetting in `reset` seconds, `Retry-After: retryAfter`), the rest with ``page(_:_:)``.
    static func rateLimitedOnce(
        retryAfter: Int, reset: Int
    ) -> @Sendable (BraveStandIn.Received, Int) -> BraveStandIn.Answer {
        { request, n in
            guard n == 0 else { return page(request, n) }
            var headers = BraveWire.rateLimitHeaders(remaining: "0, 14000", reset: "\(reset), 1419704")
            headers["Retry-After"] = "\(retryAfter)"
            return .init(
                status: 429, headers: headers,
                body: BraveWire.error(
                    status: 429, code: "RATE_LIMITED", detail: "Request rate limit exceeded for plan."))
        }
    }

    /// The generated catalog set up from `environment` as `serve` would, pointing at `standIn`.
    static func catalog(_ standIn: BraveStandIn, _ environment: [String: String] = [:]) throws -> TaskCatalog {
        let base = ["BRAVE_API_KEY": "e2e-token", "BRAVE_BASE_URL": standIn.baseURL, "BRAVE_REQUESTS_PER_SECOND": "50"]
        return GeneratedTasks.catalog.configured(
            try GeneratedTasks.setup(environment: base.merging(environment) { $1 }))
    }

    static func withServer<T>(
        _ environment: [String: String] = [:],
        answer: @escaping @Sendable (BraveStandIn.Received, Int) -> BraveStandIn.Answer = SearchEndToEndTests.page,
        _ body: (TestServer, BraveStandIn) async throws -> T
    ) async throws -> T {
        try await BraveStandIn.with(answer: answer) { standIn in
            try await TestServer.with(
                catalog: try catalog(standIn, environment), openAPIDocument: GeneratedTasks.openAPIDocument
            ) {
                try await body($0, standIn)
            }
        }
    }

    @Test func anIdenticalSearchReusesTheResultWithoutCallingTheProvider() async throws {
        try await Self.withServer(["FETCH_DOMAIN_ALLOWLIST": "swift.org"]) { server, standIn in
            let first = try await server.request(
                "POST", "/v1/tasks/search", body: #"{"query": "Swift   concurrency ", "recency_days": 7}"#)
            #expect(first.status == 202)
            #expect(first.json["input"]?["query"] == "Swift concurrency")
            #expect(first.json["input"]?["max_results"] == 10)
            let id = try #require(first.json["id"]?.stringValue)
            let done = try await server.waitUntilFinished(id)
            #expect(done["state"] == "succeeded")
            let output = try #require(done["output"])
            #expect(
                output["results"]?.arrayValue?.compactMap { $0["url"]?.stringValue }
                    == ["https://docs.swift.org/concurrency", "https://forums.swift.org/t/1"])
            #expect(output["results"]?.arrayValue?.compactMap { $0["rank"] } == [1, 2])
            #expect(output["results"]?.arrayValue?.first?["published_at"] == "2025-11-03T08:15:00Z")
            #expect(output["results"]?.arrayValue?.first?["source"] == "brave")
            #expect(output["total"] == 2 && output["more_results_available"] == false)

            // The seed's route, another spelling of the same search: the earlier job, no provider call.
            let again = try await server.request(
                "POST", "/search", body: #"{"query": "swift CONCURRENCY", "recency_days": 7, "sources": ["brave"]}"#)
            #expect(again.status == 200)
            #expect(again.json["id"]?.stringValue == id && again.json["reused"] == true)
            #expect(again.json["output"] == output)
            #expect(standIn.requests.count == 1)

            let lookup = try await server.request("GET", "/v1/dedup/search?query=SWIFT%20%20Concurrency&recency_days=7")
            #expect(lookup.json["processed"] == true && lookup.json["succeeded_job"]?["id"]?.stringValue == id)

            let other = try await server.request(
                "POST", "/search", body: #"{"query": "swift concurrency", "recency_days": 31}"#)
            #expect(other.status == 202 && other.json["id"]?.stringValue != id)
            let task = try await server.request("GET", "/v1/tasks/search")
            #expect(task.json["dedup"]?["reuse_result_for_seconds"] == 3600)
        }
    }

    @Test func theReuseWindowFollowsSearchCacheTTL() async throws {
        try await Self.withServer(["SEARCH_CACHE_TTL_SECONDS": "0"]) { server, standIn in
            for _ in 0..<2 {
                let reply = try await server.request("POST", "/search", body: #"{"query": "swift"}"#)
                #expect(reply.status == 202)
                let done = try await server.waitUntilFinished(try #require(reply.json["id"]?.stringValue))
                #expect(done["state"] == "succeeded")
            }
            #expect(standIn.requests.count == 2)
            let task = try await server.request("GET", "/v1/tasks/search")
            #expect(task.json["dedup"]?["reuse_result_for_seconds"] == 0)
        }
    }

    @Test func aSourceOutsideTheAllowlistIsRefusedBeforeQueueing() async throws {
        try await Self.withServer(["SEARCH_SOURCE_ALLOWLIST": "", "FETCH_DOMAIN_ALLOWLIST": "swift.org, .example.com"])
        { server, standIn in
            let limits = try await server.request("GET", "/v1/limits")
            #expect(limits.json["tasks"]?["search"]?["source_allowlist"] == [])
            #expect(limits.json["tasks"]?["search"]?["fetch_domain_allowlist"] == ["swift.org", "example.com"])
            let reply = try await server.request("POST", "/search", body: #"{"query": "swift"}"#)
            #expect(reply.status == 422)
            #expect(reply.json["code"] == "task_rejected_invalid_params")
            #expect(reply.json["violations"]?.arrayValue?.first?["pointer"] == "/sources/0")
            #expect(reply.json["violations"]?.arrayValue?.first?["code"] == "not_allowed")
            let jobs = try await server.request("GET", "/v1/jobs?task=search")
            #expect(jobs.json["jobs"]?.arrayValue?.isEmpty == true)
            #expect(standIn.requests.isEmpty)
        }
    }

    @Test func aServerWithoutAnAPIKeyAnswers503AtSubmit() async throws {
        try await BraveStandIn.with(answer: Self.page) { standIn in
            let catalog = GeneratedTasks.catalog.configured(
                try GeneratedTasks.setup(environment: ["BRAVE_BASE_URL": standIn.baseURL]))
            try await TestServer.with(catalog: catalog, openAPIDocument: GeneratedTasks.openAPIDocument) { server in
                let reply = try await server.request("POST", "/v1/tasks/search", body: #"{"query": "swift"}"#)
                #expect(reply.status == 503)
                #expect(reply.json["code"] == "provider_not_configured")
                #expect(reply.json["detail"]?.stringValue?.contains("BRAVE_API_KEY") == true)
                let jobs = try await server.request("GET", "/v1/jobs?task=search")
                #expect(jobs.json["jobs"]?.arrayValue?.isEmpty == true)
                // Schema violations still come first, with their pointers.
                let invalid = try await server.request("POST", "/search", body: #"{"query": "", "max_results": 21}"#)
                #expect(invalid.status == 422 && invalid.json["code"] == "invalid_input")
            }
            #expect(standIn.requests.isEmpty)
        }
    }

    @Test func aQueryOfMoreThanFiftyWordsIsInvalid() async throws {
        try await Self.withServer { server, _ in
            let words = Array(repeating: "word", count: 51).joined(separator: " ")
            let reply = try await server.request("POST", "/search", body: #"{"query": "\#(words)"}"#)
            #expect(reply.status == 422 && reply.json["violations"]?.arrayValue?.first?["pointer"] == "/query")
            let fifty = Array(repeating: "word", count: 50).joined(separator: " ")
            #expect(try await server.request("POST", "/search", body: #"{"query": "\#(fifty)"}"#).status == 202)
        }
    }

    @Test func anAuthFailureFailsTheJobAtOnce() async throws {
        let answer: @Sendable (BraveStandIn.Received, Int) -> BraveStandIn.Answer = { _, _ in
            .init(
                status: 401,
                body: BraveWire.error(
                    status: 401, code: "SUBSCRIPTION_TOKEN_INVALID",
                    detail: "The provided subscription token is invalid."))
        }
        try await Self.withServer(answer: answer) { server, standIn in
            let reply = try await server.request("POST", "/search", body: #"{"query": "swift"}"#)
            let done = try await server.waitUntilFinished(try #require(reply.json["id"]?.stringValue))
            #expect(done["state"] == "failed")
            #expect(done["error"]?["code"] == "upstream_auth_failed" && done["error"]?["retryable"] == false)
            #expect(done["attempt"] == 1)
            #expect(standIn.requests.count == 1)
        }
    }

    @Test func aRateLimitedCallIsRetriedNoSoonerThanTheProviderSays() async throws {
        try await Self.withServer(answer: Self.rateLimitedOnce(retryAfter: 2, reset: 1)) { server, standIn in
            let reply = try await server.request("POST", "/search", body: #"{"query": "swift"}"#)
            let done = try await server.waitUntilFinished(try #require(reply.json["id"]?.stringValue))
            #expect(done["state"] == "succeeded" && done["attempt"] == 2)
            let requests = standIn.requests
            try #require(requests.count == 2)
            #expect(requests[1].at.timeIntervalSince(requests[0].at) >= 2)
            let events = try await server.request(
                "GET", "/v1/jobs/\(try #require(reply.json["id"]?.stringValue))/events")
            #expect(events.json.canonicalString().contains("upstream_rate_limited"))
        }
    }

    /// Three workers on one store share the `brave` rate limit: the jobs' starts, as the store
    /// recorded them, never run ahead of its bucket, and each search reached the provider once.
    @Test func workersShareTheProvidersRateLimit() async throws {
        let rate = 4.0
        try await Self.withServer(["BRAVE_REQUESTS_PER_SECOND": "\(rate)"]) { server, standIn in
            var logger = Logger(label: "test")
            logger.logLevel = .critical
            let catalog = try Self.catalog(standIn, ["BRAVE_REQUESTS_PER_SECOND": "\(rate)"])
            let workers = (0..<2).map { n in
                Worker(
                    store: server.store, catalog: catalog,
                    configuration: WorkerConfiguration(queues: ["io": 4], workerID: "extra-\(n)"), logger: logger)
            }
            let group = ServiceGroup(services: workers, logger: logger)
            let running = Task { try await group.run() }
            var ids: [String] = []
            for n in 0..<8 {
                let reply = try await server.request("POST", "/search", body: #"{"query": "storm \#(n)"}"#)
                ids.append(try #require(reply.json["id"]?.stringValue))
            }
            var starts: [Date] = []
            for id in ids {
                let done = try await server.waitUntilFinished(id)
                #expect(done["state"] == "succeeded")
                let jobID = try #require(UUID(uuidString: id))
                let job = try #require(try await server.store.job(id: jobID))
                starts.append(try #require(job.startedAt))
            }
            await group.triggerGracefulShutdown()
            try await running.value
            #expect(standIn.requests.count == 8)
            starts.sort()
            for i in starts.indices {
                for j in starts.indices where j > i {
                    let needed = Double(j - i - 1) / rate
                    #expect(starts[j].timeIntervalSince(starts[i]) >= needed - 0.005)
                }
            }
        }
    }
}
