import Foundation
import TaskRuntime
import TaskforgeTestSupport
import Tasks
import Testing

/// `POST /v1/tasks/{name}?priority=&delay=&run_at=`: how and when a submitted job is claimed.
@Suite("Submit options")
struct SubmitOptionsTests {
    @Test func higherPriorityIsClaimedFirstThenOldestFirst() async throws {
        // Claims for the free slot only: jobs claimed together share their `started_at` (the claim's
        // time), which would hide the order this test reads from it.
        try await TestServer.with(
            catalog: GeneratedTasks.catalog, openAPIDocument: GeneratedTasks.openAPIDocument, slots: 1,
            prefetchHorizon: .zero
        ) { server in
            // The only slot is taken, so everything below waits and is claimed in order once it frees.
            let blocker = try await server.submit("sleep", ["seconds": 600])
            let blockerID = try #require(blocker.json["id"]?.stringValue)
            try await server.waitForJob(blockerID) { $0["state"] == "running" }

            var ids: [String: String] = [:]
            for (name, priority) in [("a", nil), ("b", 5), ("c", nil), ("d", 5), ("e", -1)] as [(String, Int?)] {
                let query = priority.map { "?priority=\($0)" } ?? ""
                // A short sleep keeps the start times of consecutive jobs apart.
                let reply = try await server.request("POST", "/v1/tasks/sleep\(query)", body: #"{"seconds": 0.02}"#)
                #expect(reply.status == 202)
                #expect(reply.json["priority"] == .integer(priority ?? 0))
                ids[name] = try #require(reply.json["id"]?.stringValue)
            }
            _ = try await server.request("POST", "/v1/jobs/\(blockerID)/cancel")

            var started: [(name: String, at: String)] = []
            for (name, id) in ids {
                let job = try await server.waitUntilFinished(id)
                #expect(job["state"] == "succeeded")
                started.append((name, try #require(job["started_at"]?.stringValue)))
            }
            #expect(started.sorted { $0.at < $1.at }.map(\.name) == ["b", "d", "a", "c", "e"])
        }
    }

    @Test func aDelayedJobWaitsWhileLaterJobsRun() async throws {
        try await TestServer.with(catalog: GeneratedTasks.catalog, openAPIDocument: GeneratedTasks.openAPIDocument) {
            server in
            let submittedAt = Date()
            let delayed = try await server.request("POST", "/v1/tasks/echo?delay=1h", body: #"{"message": "later"}"#)
            let answeredAt = Date()
            #expect(delayed.status == 202)
            let runAt = try #require(delayed.json["run_at"]?.stringValue.flatMap(Self.timestamp))
            // An hour after the server took the request, which happened between sending and the answer.
            #expect(runAt.timeIntervalSince(submittedAt) > 3599)
            #expect(runAt.timeIntervalSince(answeredAt) < 3601)

            let scheduled = try await server.request(
                "POST", "/v1/tasks/echo?run_at=2099-01-31T09:30:00Z", body: #"{"message": "much later"}"#)
            #expect(scheduled.status == 202)
            #expect(
                scheduled.json["run_at"]?.stringValue.flatMap(Self.timestamp) == Self.timestamp("2099-01-31T09:30:00Z"))

            // A job submitted afterwards runs to the end; the held-back ones are still pending.
            let now = try await server.submit("echo", ["message": "now"])
            let finished = try await server.waitUntilFinished(try #require(now.json["id"]?.stringValue))
            #expect(finished["state"] == "succeeded")
            for reply in [delayed, scheduled] {
                let job = try await server.job(try #require(reply.json["id"]?.stringValue))
                #expect(job["state"] == "pending")
                #expect(job["started_at"] == .null)
            }
        }
    }

    @Test(arguments: [
        ("priority=1001", "priority"),
        ("priority=-1001", "priority"),
        ("priority=high", "priority"),
        ("delay=soon", "delay"),
        ("delay=-5m", "delay"),
        ("run_at=tomorrow", "run_at"),
        ("run_at=2099-01-31", "run_at"),
        ("delay=5m&run_at=2099-01-31T09:30:00Z", "run_at"),
        ("version=0", "version"),
    ])
    func badOptionsAre400NamingTheParameter(query: String, parameter: String) async throws {
        try await TestServer.with(catalog: GeneratedTasks.catalog, openAPIDocument: GeneratedTasks.openAPIDocument) {
            server in
            let reply = try await server.request("POST", "/v1/tasks/echo?\(query)", body: #"{"message": "x"}"#)
            #expect(reply.status == 400)
            #expect(reply.json["code"] == "invalid_parameter")
            #expect(reply.json["parameter"] == .string(parameter))
        }
    }

    private static func timestamp(_ text: String) -> Date? {
        (try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text))
            ?? (try? Date.ISO8601FormatStyle().parse(text))
    }
}
