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
            // The oldest ready job's age grows with the clock: checked apart from the rest.
            let queues = reply["queues"]?.arrayValue ?? []
            let age = try #require(queues.last?["oldest_pending_age_seconds"]?.doubleValue)
            #expect(age >= 0 && age < 60)
            #expect(queues.map { $0.removingMember("oldest_pending_age_seconds") } == [
                ["name": "data", "pending": 0, "scheduled": 0, "running": 0, "workers": 1, "concurrency": 4],
                ["name": "data_processing", "pending": 0, "scheduled": 0, "running": 0, "workers": 1, "concurrency": 4],
                ["name": "default", "pending": 0, "scheduled": 1, "running": 0, "workers": 1, "concurrency": 4],
                ["name": "geo", "pending": 0, "scheduled": 0, "running": 0, "workers": 1, "concurrency": 4],
                ["name": "io", "pending": 0, "scheduled": 0, "running": 0, "workers": 1, "concurrency": 4],
                ["name": "model_prediction", "pending": 0, "scheduled": 0, "running": 0, "workers": 1, "concurrency": 4],
                ["name": "nightly", "pending": 2, "scheduled": 0, "running": 0, "workers": 0, "concurrency": 0],
            ])
            #expect(queues.first?["oldest_pending_age_seconds"] == .null)

            let table = try await CommandLineRunner.run(["queues", "--server", server.baseURL])
            #expect(table.status == 0, "\(table.stderr)")
            let lines = table.stdout.split(separator: "\n")
            #expect(lines.first?.split(separator: " ").last == "oldest", "\(table.stdout)")
            let nightly = try #require(lines.first { $0.hasPrefix("nightly") }?.split(separator: " "), "\(table.stdout)")
            #expect(Array(nightly.prefix(6)) == ["nightly", "2", "0", "0", "0", "0"], "\(table.stdout)")
            #expect(nightly[6].hasSuffix("s") && Array(nightly.suffix(2)) == ["(no", "worker)"], "\(table.stdout)")
            let served = try #require(lines.first { $0.hasPrefix("default") }?.split(separator: " "), "\(table.stdout)")
            #expect(Array(served) == ["default", "0", "1", "0", "1", "4", "-"], "\(table.stdout)")
        }
    }
}

extension JSONValue {
    /// This object without `name`.
    fileprivate func removingMember(_ name: String) -> JSONValue {
        var members = objectValue ?? [:]
        members[name] = nil
        return .object(members)
    }
}
