import Foundation
import TaskRuntime
import TaskforgeTestSupport
import Tasks
import Testing

/// `GET /metrics`: the Prometheus text exposition, parsed line by line.
@Suite("Metrics")
struct MetricsTests {
    /// One sample: `name{label="value",...} number`.
    struct Sample: Equatable {
        var name: String
        var labels: [String: String]
        var value: Double
    }

    /// Every line of `text` must be a comment (`# TYPE name type`, `# HELP ...`) or a sample.
    static func parse(_ text: String) throws -> [Sample] {
        let sample = #/^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})? (-?[0-9.eE+-]+|NaN|\+Inf|-Inf)$/#
        let label = #/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/#
        var samples: [Sample] = []
        for line in text.split(separator: "\n") {
            if line.hasPrefix("# TYPE ") {
                let parts = line.split(separator: " ")
                #expect(
                    parts.count == 4 && ["counter", "gauge", "histogram", "summary", "untyped"].contains(parts[3]),
                    "\(line)")
                continue
            }
            if line.hasPrefix("# HELP ") { continue }
            let match = try #require(try sample.wholeMatch(in: String(line)), "not a valid sample: \(line)")
            var labels: [String: String] = [:]
            if let text = match.3 {
                for pair in text.matches(of: label) { labels[String(pair.1)] = String(pair.2) }
                #expect(text.split(separator: ",").count == labels.count, "\(line)")
            }
            samples.append(Sample(name: String(match.1), labels: labels, value: try #require(Double(match.4))))
        }
        return samples
    }

    @Test func aScrapeShowsJobsQueuesAndRequests() async throws {
        try await TestServer.with(catalog: GeneratedTasks.catalog, openAPIDocument: GeneratedTasks.openAPIDocument) {
            server in
            for message in ["a", "b"] {
                let id = try #require(
                    try await server.submit("echo", ["message": .string(message)]).json["id"]?.stringValue)
                // A generous bound: the whole suite shares two cores in CI.
                _ = try await server.waitUntilFinished(id, timeout: .seconds(90))
            }
            let failing = try await server.submit("sleep", ["seconds": -1])
            #expect(failing.status == 422)
            _ = try await server.request("POST", "/v1/tasks/echo?delay=1h", body: #"{"message": "later"}"#)

            let reply = try await server.download("/metrics")
            #expect(
                reply.status == 200 && reply.headers["content-type"]?.hasPrefix("text/plain; version=0.0.4") == true)
            let samples = try Self.parse(String(decoding: reply.body, as: UTF8.self))
            func value(_ name: String, _ labels: [String: String]) -> Double? {
                samples.first { $0.name == name && $0.labels == labels }?.value
            }
            #expect(value("taskforge_jobs_submitted_total", ["task": "echo", "version": "1"]) == 3)
            #expect(
                value("taskforge_jobs_finished_total", ["task": "echo", "version": "1", "outcome": "succeeded"]) == 2)
            #expect(value("taskforge_attempt_duration_seconds_count", ["task": "echo"]) == 2)
            #expect(value("taskforge_attempt_duration_seconds_bucket", ["task": "echo", "le": "+Inf"]) == 2)
            #expect(value("taskforge_pickup_latency_seconds_count", ["queue": "default"]) == 2)
            #expect(value("taskforge_queue_jobs", ["queue": "default", "state": "scheduled"]) == 1)
            #expect(value("taskforge_queue_jobs", ["queue": "default", "state": "pending"]) == 0)
            #expect(value("taskforge_queue_workers", ["queue": "default"]) == 1)
            // Requests by route pattern and status, never by raw path.
            #expect(
                value("taskforge_http_requests_total", ["route": "/v1/tasks/echo", "method": "POST", "status": "202"])
                    == 3)
            #expect(
                value("taskforge_http_requests_total", ["route": "/v1/tasks/sleep", "method": "POST", "status": "422"])
                    == 1)
            #expect(
                (value("taskforge_http_requests_total", ["route": "/v1/jobs/{id}", "method": "GET", "status": "200"])
                    ?? 0) >= 2)
            #expect(
                value("taskforge_http_request_duration_seconds_count", ["route": "/v1/tasks/echo", "method": "POST"])
                    == 3)
            #expect(!samples.contains { $0.labels["route"]?.contains("-") == true }, "no job id in a route label")
        }
    }
}
