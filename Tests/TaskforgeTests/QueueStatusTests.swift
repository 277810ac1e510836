import Foundation
import TaskRuntime
import TaskforgeTestSupport
import Tasks
import Testing

/// `GET /v1/queues` and `taskforge queues`.
@Suite("Queue status")
struct QueueStatusTests {
    @Test func aQueueNobodyServesShowsItsWaitingJobs() async throws {
        try await TestServer.with(catalog: GeneratedTasks.catalog, openAPIDocument: GeneratedTasks.openAPIDocument) { server in
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
            #expect(reply["queues"] == [
                ["name": "default", "pending": 0, "scheduled": 1, "running": 0, "workers": 1],
                ["name": "io", "pending": 0, "scheduled": 0, "running": 0, "workers": 1],
                ["name": "nightly", "pending": 2, "scheduled": 0, "running": 0, "workers": 0],
            ])

            let table = try await CommandLineRunner.run(["queues", "--server", server.baseURL])
            #expect(table.status == 0, "\(table.stderr)")
            let nightly = table.stdout.split(separator: "\n").first { $0.hasPrefix("nightly") }
            #expect(nightly?.split(separator: " ") == ["nightly", "2", "0", "0", "0", "(no", "worker)"], "\(table.stdout)")
        }
    }
}
