import Foundation
import TaskRuntime
import TaskforgeTestSupport
import Tasks
import Testing

/// `Idempotency-Key` on submit routes, over real HTTP. `sum` jobs are delayed an hour so that they
/// stay pending; `sum` also declares dedup, which the key's replay must not be confused with.
@Suite("Idempotency-Key over HTTP")
struct IdempotencyKeyTests {
    static func submit(_ server: TestServer, key: String, dataset: String, delay: String = "1h") async throws -> Reply {
        try await server.request(
            "POST", "/v1/tasks/sum?delay=\(delay)", body: #"{"dataset": "\#(dataset)"}"#,
            headers: ["Idempotency-Key": key])
    }

    @Test func aRepeatedRequestGetsTheFirstAnswerAndQueuesNothing() async throws {
        try await TestServer.with(
            catalog: SumTask.catalog, openAPIDocument: GeneratedTasks.openAPIDocument, transport: .loopback
        ) { server in
            let first = try await Self.submit(server, key: "order-1", dataset: "a")
            #expect(first.status == 202 && first.headers["idempotent-replayed"] == nil)
            let again = try await Self.submit(server, key: "order-1", dataset: "a")
            #expect(again.status == 202 && again.headers["idempotent-replayed"] == "true")
            #expect(again.json == first.json && again.headers["location"] == first.headers["location"])
            // Same body, another key: dedup (not the key) answers with the pending job.
            let deduplicated = try await Self.submit(server, key: "order-2", dataset: "a")
            #expect(deduplicated.status == 200 && deduplicated.json["deduplicated"] == true)
            #expect(try await server.store.jobs(matching: JobQuery(task: "sum")).jobs.count == 1)
        }
    }

    @Test func aKeyReusedForAnotherRequestIsRefused() async throws {
        try await TestServer.with(
            catalog: SumTask.catalog, openAPIDocument: GeneratedTasks.openAPIDocument, transport: .loopback
        ) { server in
            let first = try await Self.submit(server, key: "k", dataset: "a")
            let other = try await Self.submit(server, key: "k", dataset: "b")
            #expect(other.status == 422 && other.json["code"] == "idempotency_key_reused")
            #expect(other.json["job_id"] == first.json["id"])
            let otherOptions = try await Self.submit(server, key: "k", dataset: "a", delay: "2h")
            #expect(otherOptions.status == 422 && otherOptions.json["code"] == "idempotency_key_reused")
            #expect(try await server.store.jobs(matching: JobQuery(task: "sum")).jobs.count == 1)
        }
    }

    @Test func concurrentRequestsWithOneKeyQueueOneJob() async throws {
        try await TestServer.with(
            catalog: SumTask.catalog, openAPIDocument: GeneratedTasks.openAPIDocument, transport: .loopback
        ) { server in
            let replies = try await withThrowingTaskGroup(of: Reply.self) { group in
                for _ in 0..<12 {
                    group.addTask { try await Self.submit(server, key: "burst", dataset: "a") }
                }
                return try await group.reduce(into: [Reply]()) { $0.append($1) }
            }
            let jobs = try await server.store.jobs(matching: JobQuery(task: "sum")).jobs
            #expect(jobs.count == 1)
            for reply in replies {
                // Either the (replayed) answer, or "still in progress" while the first request runs.
                if reply.status == 202 {
                    #expect(reply.json["id"]?.stringValue == jobs.first?.id.lowercasedString)
                } else {
                    #expect(reply.status == 409 && reply.json["code"] == "idempotency_key_in_progress")
                    #expect(reply.headers["retry-after"] == "1")
                }
            }
            #expect(replies.count { $0.status == 202 && $0.headers["idempotent-replayed"] == nil } == 1)
        }
    }

    @Test func aRefusedRequestDoesNotUseUpItsKey() async throws {
        try await TestServer.with(
            catalog: SumTask.catalog, openAPIDocument: GeneratedTasks.openAPIDocument, transport: .loopback
        ) { server in
            let invalid = try await server.request(
                "POST", "/v1/tasks/sum", body: #"{"dataset": 7}"#, headers: ["Idempotency-Key": "fix-me"])
            #expect(invalid.status == 422 && invalid.json["code"] == "invalid_input")
            let fixed = try await Self.submit(server, key: "fix-me", dataset: "a")
            #expect(fixed.status == 202 && fixed.headers["idempotent-replayed"] == nil)
        }
    }

    @Test(arguments: ["", String(repeating: "k", count: 256), "has space", "naïve"])
    func aMalformedKeyIsRefused(key: String) async throws {
        try await TestServer.with(
            catalog: SumTask.catalog, openAPIDocument: GeneratedTasks.openAPIDocument, transport: .loopback
        ) { server in
            let reply = try await Self.submit(server, key: key, dataset: "a")
            #expect(reply.status == 400 && reply.json["code"] == "invalid_idempotency_key")
            #expect(try await server.store.jobs(matching: JobQuery(task: "sum")).jobs.isEmpty)
        }
    }
}

/// `taskforge submit --idempotency-key` and `taskforge dedup`, run as the built executable.
@Suite("Idempotency and dedup on the command line")
struct IdempotencyCommandLineTests {
    @Test func repeatingASubmitWithItsKeyQueuesOneJob() async throws {
        try await TestServer.with(
            catalog: GeneratedTasks.catalog, openAPIDocument: GeneratedTasks.openAPIDocument, transport: .loopback
        ) {
            server in
            let arguments = [
                "submit", "echo", "--message", "hi", "--delay", "1h", "--idempotency-key", "deploy-42", "--json",
                "--server", server.baseURL,
            ]
            let first = try await CommandLineRunner.run(arguments)
            let again = try await CommandLineRunner.run(arguments)
            #expect(first.status == 0 && again.status == 0, "\(first.stderr)\(again.stderr)")
            let id = try JSONValue(json: Data(first.stdout.utf8))["id"]
            let replayedID = try JSONValue(json: Data(again.stdout.utf8))["id"]
            #expect(id != nil && id == replayedID)
            #expect(try await server.store.jobs(matching: JobQuery(task: "echo")).jobs.count == 1)

            let other = try await CommandLineRunner.run(
                ["submit", "echo", "--message", "bye", "--idempotency-key", "deploy-42", "--server", server.baseURL])
            #expect(other.status != 0 && other.stderr.contains("idempotency_key_reused"), "\(other.stderr)")
        }
    }

    @Test func dedupPrintsWhetherAKeyWasProcessed() async throws {
        try await TestServer.with(
            catalog: SumTask.catalog, openAPIDocument: GeneratedTasks.openAPIDocument, transport: .loopback
        ) { server in
            let before = try await CommandLineRunner.run(["dedup", "sum", "dataset=a", "--server", server.baseURL])
            #expect(before.status == 0 && before.stdout == "not processed\n", "\(before.stdout)\(before.stderr)")

            let submitted = try await server.request("POST", "/v1/tasks/sum", body: #"{"dataset": "a"}"#)
            let id = try #require(submitted.json["id"]?.stringValue)
            _ = try await server.waitUntilFinished(id)
            let after = try await CommandLineRunner.run(["dedup", "sum", "dataset=a", "--server", server.baseURL])
            let lines = after.stdout.split(separator: "\n")
            #expect(lines.first?.contains("by job \(id)") == true, "\(after.stdout)")
            #expect(lines.last == "latest job: \(id) (sum v1, succeeded)", "\(after.stdout)")
        }
    }
}
