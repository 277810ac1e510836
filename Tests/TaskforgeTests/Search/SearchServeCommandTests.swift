import Foundation
import TaskRuntime
import TaskforgeTestSupport
import Testing

/// The `search` task in `taskforge serve` as deployed: configured from its environment, run in
/// supervised handler processes that read the same environment.
@Suite("Search in taskforge serve")
struct SearchServeCommandTests {
    @Test func aRateLimitedSearchIsRetriedThroughAHandlerProcessNoSoonerThanBraveSays() async throws {
        try await BraveStandIn.with(answer: SearchEndToEndTests.rateLimitedOnce(retryAfter: 1, reset: 3)) { standIn in
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("taskforge-search-\(UUID())")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let process = try BackgroundProcess(
                try CommandLineRunner.executable,
                ["serve", "--port", "0", "--data-dir", directory.appendingPathComponent("data").path],
                environment: [
                    "TASKFORGE_DATABASE_URL": "", "BRAVE_API_KEY": "serve-token", "BRAVE_BASE_URL": standIn.baseURL,
                    "SEARCH_SOURCE_ALLOWLIST": "brave", "FETCH_DOMAIN_ALLOWLIST": "", "SEARCH_MAX_RESULTS": "3",
                ],
                logFile: directory.appendingPathComponent("serve.log"))
            let server = RemoteServer(baseURL: try await process.listeningURL())
            let reply = try await server.request("POST", "/search", body: #"{"query": "swift"}"#)
            #expect(reply.status == 202 && reply.json["input"]?["max_results"] == 3)
            let done = try await server.waitUntilFinished(try #require(reply.json["id"]?.stringValue))
            #expect(done["state"] == "succeeded" && done["attempt"] == 2, "\(done)")
            let requests = standIn.requests
            try #require(requests.count == 2)
            // X-RateLimit-Reset of the spent per-second window (3 s) outweighs Retry-After (1 s).
            #expect(requests[1].at.timeIntervalSince(requests[0].at) >= 3)
            #expect(
                requests.allSatisfy {
                    $0.headers["x-subscription-token"] == "serve-token" && $0.parameters["count"] == "3"
                })
            #expect(await process.terminate() == 0)
            #expect(!process.log.contains("serve-token"), "the API key must never be logged")
        }
    }

    @Test func aMalformedSettingStopsTheServerWithItsName() async throws {
        let result = try await CommandLineRunner.run(
            [
                "serve", "--port", "0", "--data-dir",
                FileManager.default.temporaryDirectory.appendingPathComponent("tf-\(UUID())").path,
            ],
            environment: ["SEARCH_MAX_RESULTS": "lots"])
        #expect(result.status != 0)
        #expect(
            result.stderr.contains("SEARCH_MAX_RESULTS must be a whole number from 1 to 20, found 'lots'"),
            "\(result.stderr)")
    }
}
