import Foundation
import TaskRuntime
import TaskforgeTestSupport
import Tasks
import Testing

/// `GET /v1/queues` and `taskforge queues`.
@Suite("Queue status")
struct QueueStatusTests {
    @Test func aQueueNobodyServesShowsItsWaitingJobs() async throws {
        try await TestServer.with(
            catalog: GeneratedTasks.catalog, openAPIDocument: GeneratedTasks.openAPIDocument, transport: .loopback
        ) {
            server in
            // No task uses 'nightly' and no worker serves it: its jobs wait.
            _ = try await server.store.enqueue([
                NewJob(task: "echo", version: 1, queue: "nightly", input: ["message": "a"], maxAttempts: 1),
                NewJob(task: "echo", version: 1, queue: "nightly", input: ["message": "b"], maxAttempts: 1),
            ])
            let delayed = try await server.request("POST", "/v1/tasks/echo?delay=1h", body: #"{"message": "later"}"#)
            #expect(delayed.status == 202)

            // The worker registers itself as it starts.
            let reply = try await server.waitFor("/v1/queues") { body in
                body["queues"]?.arrayValue?.first { $0["name"] == "default" }?["workers"] == 1
            }
            // The oldest ready job's age grows with the clock: checked apart from the rest.
            let queues = reply["queues"]?.arrayValue ?? []
            let age = try #require(queues.last?["oldest_pending_age_seconds"]?.doubleValue)
            #expect(age >= 0 && age < 60)
            #expect(queues.allSatisfy { $0["paused"] == false && $0["paused_at"] == .null && $0["paused_by"] == .null })
            #expect(
                queues.map { $0.removingMembers("oldest_pending_age_seconds", "paused", "paused_at", "paused_by") } == [
                    ["name": "data", "pending": 0, "scheduled": 0, "running": 0, "workers": 1, "concurrency": 4],
                    [
                        "name": "data_processing", "pending": 0, "scheduled": 0, "running": 0, "workers": 1,
                        "concurrency": 4,
                    ],
                    ["name": "default", "pending": 0, "scheduled": 1, "running": 0, "workers": 1, "concurrency": 4],
                    ["name": "geo", "pending": 0, "scheduled": 0, "running": 0, "workers": 1, "concurrency": 4],
                    ["name": "io", "pending": 0, "scheduled": 0, "running": 0, "workers": 1, "concurrency": 4],
                    [
                        "name": "model_prediction", "pending": 0, "scheduled": 0, "running": 0, "workers": 1,
                        "concurrency": 4,
                    ],
                    ["name": "nightly", "pending": 2, "scheduled": 0, "running": 0, "workers": 0, "concurrency": 0],
                ])
            #expect(queues.first?["oldest_pending_age_seconds"] == .null)

            let table = try await CommandLineRunner.run(["queues", "--server", server.baseURL])
            #expect(table.status == 0, "\(table.stderr)")
            let lines = table.stdout.split(separator: "\n")
            #expect(lines.first?.split(separator: " ").last == "oldest", "\(table.stdout)")
            let nightly = try #require(
                lines.first { $0.hasPrefix("nightly") }?.split(separator: " "), "\(table.stdout)")
            #expect(Array(nightly.prefix(6)) == ["nightly", "2", "0", "0", "0", "0"], "\(table.stdout)")
            #expect(nightly[6].hasSuffix("s") && Array(nightly.suffix(2)) == ["(no", "worker)"], "\(table.stdout)")
            let served = try #require(lines.first { $0.hasPrefix("default") }?.split(separator: " "), "\(table.stdout)")
            #expect(Array(served) == ["default", "0", "1", "0", "1", "4", "-"], "\(table.stdout)")
        }
    }

    /// A paused queue's jobs wait while the same worker runs another queue's, `GET /v1/queues`,
    /// `/metrics` and `taskforge queues` show the pause, and a resume (`taskforge queues resume`)
    /// lets the waiting job run.
    @Test func aPausedQueueWaitsWhileOthersRunAndRunsOnceResumed() async throws {
        try await TestServer.with(
            catalog: GeneratedTasks.catalog, openAPIDocument: GeneratedTasks.openAPIDocument, transport: .loopback
        ) {
            server in
            let paused = try await server.request("POST", "/v1/queues/default/pause")
            #expect(paused.status == 200, "\(paused.json)")
            #expect(
                paused.json["name"] == "default" && paused.json["paused"] == true && paused.json["paused_by"] == .null)
            #expect(paused.json["paused_at"]?.stringValue?.hasSuffix("Z") == true)
            let held = try #require(try await server.submit("echo", ["message": "held"]).json["id"]?.stringValue)

            // The worker serves 'geo' too: a job there runs while the one on 'default' waits.
            let other = try await server.store.enqueue([
                NewJob(task: "echo", version: 1, queue: "geo", input: ["message": "runs"], maxAttempts: 1)
            ])[0]
            #expect(try await server.waitUntilFinished(other.id.lowercasedString)["state"] == "succeeded")
            #expect(try await server.request("GET", "/v1/jobs/\(held)").json["state"] == "pending")
            let queues = try await server.request("GET", "/v1/queues").json["queues"]?.arrayValue ?? []
            #expect(queues.first { $0["name"] == "default" }?["paused"] == true)
            #expect(queues.first { $0["name"] == "default" }?["pending"] == 1)
            let metrics = String(decoding: try await server.download("/metrics").body, as: UTF8.self)
            #expect(metrics.contains(#"taskforge_queue_paused{queue="default"} 1"#), "\(metrics)")
            #expect(metrics.contains(#"taskforge_queue_paused{queue="geo"} 0"#), "\(metrics)")

            let table = try await CommandLineRunner.run(["queues", "--server", server.baseURL])
            let line = table.stdout.split(separator: "\n").first { $0.hasPrefix("default") }
            #expect(line?.hasSuffix("(paused)") == true, "\(table.stdout)")

            let resumed = try await CommandLineRunner.run(["queues", "resume", "default", "--server", server.baseURL])
            #expect(resumed.status == 0 && resumed.stdout == "resumed queue 'default'\n", "\(resumed.stderr)")
            #expect(try await server.waitUntilFinished(held)["state"] == "succeeded")
            let after = try await server.request("POST", "/v1/queues/default/resume")
            #expect(after.status == 200 && after.json["paused"] == false && after.json["paused_at"] == .null)

            let pausedByCLI = try await CommandLineRunner.run(["queues", "pause", "geo", "--server", server.baseURL])
            #expect(pausedByCLI.stdout.hasPrefix("paused queue 'geo' (0 ready job(s) wait"), "\(pausedByCLI.stderr)")
            let unknown = try await server.request("POST", "/v1/queues/no-such-queue/pause")
            #expect(unknown.status == 404 && unknown.json["code"] == "queue_not_found")
            let unknownByCLI = try await CommandLineRunner.run([
                "queues", "pause", "no-such-queue", "--server", server.baseURL,
            ])
            #expect(
                unknownByCLI.status != 0 && unknownByCLI.stderr.contains("queue_not_found"), "\(unknownByCLI.stderr)")
        }
    }
}

extension JSONValue {
    /// This object without the members `names`.
    fileprivate func removingMembers(_ names: String...) -> JSONValue {
        var members = objectValue ?? [:]
        for name in names { members[name] = nil }
        return .object(members)
    }
}
