import Foundation
import TaskRuntime
import TaskforgeTestSupport
import Testing

/// A search storm on a deployment: `taskforge serve` and two `taskforge worker` processes on one
/// PostgreSQL, each configured from its environment, calling one Brave stand-in.
@Suite("Search across processes")
struct SearchClusterTests {
    static let rate = 4.0
    static let searches = 10

    @Test func workerProcessesShareTheBraveRateAndReuseEachOthersResults() async throws {
        let postgres = try PostgresTestServer.fromEnvironment()
        try await BraveStandIn.with(answer: SearchEndToEndTests.page) { standIn in
            try await postgres.withDatabase { _, url in
                let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
                    "taskforge-search-\(UUID())")
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                defer { try? FileManager.default.removeItem(at: directory) }
                let environment = [
                    "TASKFORGE_DATABASE_URL": url, "BRAVE_API_KEY": "cluster-token", "BRAVE_BASE_URL": standIn.baseURL,
                    "BRAVE_REQUESTS_PER_SECOND": "\(Self.rate)",
                ]
                let executable = try CommandLineRunner.executable
                let serve = try BackgroundProcess(
                    executable, ["serve", "--port", "0", "--queues", "io=2"], environment: environment,
                    logFile: directory.appendingPathComponent("serve.log"))
                let server = RemoteServer(baseURL: try await serve.listeningURL())
                let workers = try (0..<2).map { n in
                    try BackgroundProcess(
                        executable, ["worker", "--queues", "io=4"], environment: environment,
                        logFile: directory.appendingPathComponent("worker-\(n).log"))
                }
                try await server.waitFor("/v1/queues") { body in
                    body["queues"]?.arrayValue?.first { $0["name"] == "io" }?["workers"] == 3
                }

                var ids: [String] = []
                for n in 0..<Self.searches {
                    let reply = try await server.request("POST", "/search", body: #"{"query": "storm \#(n)"}"#)
                    #expect(reply.status == 202)
                    ids.append(try #require(reply.json["id"]?.stringValue))
                }
                var starts: [Date] = []
                for id in ids {
                    let done = try await server.waitUntilFinished(id, timeout: .seconds(60))
                    #expect(done["state"] == "succeeded", "\(done)")
                    let started = try #require(done["started_at"]?.stringValue)
                    starts.append(try Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(started))
                }
                // Each search asks Brave for its query; a worker starved past Brave's timeout or its lease
                // (a loaded machine) may ask again, as at-least-once delivery allows, never for another query.
                let asked = standIn.requests.compactMap { $0.parameters["q"] }
                #expect(Set(asked) == Set((0..<Self.searches).map { "storm \($0)" }), "\(asked)")
                let providerCalls = standIn.requests.count
                starts.sort()
                // Starts j - i apart need at least (j - i - burst) refills of 1/rate seconds.
                for i in starts.indices {
                    for j in starts.indices where j > i {
                        let needed = Double(j - i - 1) / Self.rate
                        #expect(starts[j].timeIntervalSince(starts[i]) >= needed - 0.005, "starts \(i) and \(j)")
                    }
                }

                // Every process reuses the results, whichever worker made them: no new provider call.
                for (n, id) in ids.enumerated() {
                    let again = try await server.request(
                        "POST", "/v1/tasks/search", body: #"{"query": "STORM  \#(n)"}"#)
                    #expect(again.status == 200 && again.json["reused"] == true && again.json["id"]?.stringValue == id)
                }
                #expect(standIn.requests.count == providerCalls)
                for worker in workers { #expect(await worker.terminate() == 0) }
                #expect(await serve.terminate() == 0)
            }
        }
    }
}
