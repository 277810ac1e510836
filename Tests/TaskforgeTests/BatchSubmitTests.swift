import Foundation
import TaskRuntime
import TaskforgeTestSupport
import Tasks
import Testing

/// `POST /v1/jobs:batch` and `taskforge submit-batch`: all jobs queued in one transaction, or none.
@Suite("Batch submit")
struct BatchSubmitTests {
    static func batch(_ items: [String]) -> String {
        #"{"jobs": ["# + items.joined(separator: ", ") + "]}"
    }

    @Test func aValidBatchQueuesEveryJobInOrder() async throws {
        try await TestServer.with(
            catalog: GeneratedTasks.catalog, openAPIDocument: GeneratedTasks.openAPIDocument, transport: .loopback
        ) {
            server in
            let reply = try await server.request(
                "POST", "/v1/jobs:batch",
                body: Self.batch([
                    #"{"task": "echo", "input": {"message": "a"}, "options": {"delay": "1h"}}"#,
                    #"{"task": "sleep", "input": {"seconds": 0}, "options": {"priority": 7, "delay": "1h"}}"#,
                    #"{"task": "echo", "version": 1, "input": {"message": "c"}, "options": {"run_at": "2099-01-01T00:00:00Z"}}"#,
                ]))
            #expect(reply.status == 202)
            let jobs = try #require(reply.json["jobs"]?.arrayValue)
            #expect(jobs.map { $0["task"]?.stringValue } == ["echo", "sleep", "echo"])
            #expect(jobs[1]["priority"] == 7 && jobs[0]["input"] == ["message": "a"])
            #expect(try await server.store.jobs(matching: JobQuery()).jobs.count == 3)
        }
    }

    @Test func oneInvalidItemQueuesNothingAndEveryFailureIsListed() async throws {
        try await TestServer.with(
            catalog: GeneratedTasks.catalog, openAPIDocument: GeneratedTasks.openAPIDocument, transport: .loopback
        ) {
            server in
            let reply = try await server.request(
                "POST", "/v1/jobs:batch",
                body: Self.batch([
                    #"{"task": "echo", "input": {"message": "fine"}}"#,
                    #"{"task": "echo", "input": {"message": 7}}"#,
                    #"{"task": "nope", "input": {}}"#,
                    #"{"task": "echo", "input": {"message": "x"}, "options": {"delay": "soon"}}"#,
                    #""not an object""#,
                ]))
            #expect(reply.status == 422 && reply.json["code"] == "batch_invalid")
            let items = try #require(reply.json["items"]?.arrayValue)
            #expect(items.map { $0["index"] } == [1, 2, 3, 4])
            #expect(
                items.map { $0["code"]?.stringValue } == [
                    "invalid_input", "task_not_found", "invalid_parameter", "invalid_batch",
                ])
            #expect(items[0]["violations"]?.arrayValue?.first?["pointer"] == "/message")
            // An item's refusal is worded as the single submit's: one mapping serves both.
            let single = try await server.submit("echo", ["message": 7])
            #expect(single.json["code"] == "invalid_input" && items[0]["detail"] == single.json["detail"])
            #expect(items[1]["detail"]?.stringValue?.hasPrefix("no task named 'nope'; known tasks: ") == true)
            #expect(try await server.store.jobs(matching: JobQuery()).jobs.isEmpty)
        }
    }

    @Test func aBatchLargerThanTheLimitOrEmptyOrMisshapenIsRefused() async throws {
        try await TestServer.with(
            catalog: GeneratedTasks.catalog, openAPIDocument: GeneratedTasks.openAPIDocument, maxBatchSize: 2,
            transport: .loopback
        ) { server in
            let echo = #"{"task": "echo", "input": {"message": "a"}}"#
            let large = try await server.request("POST", "/v1/jobs:batch", body: Self.batch([echo, echo, echo]))
            #expect(large.status == 422 && large.json["code"] == "batch_too_large" && large.json["max_batch_size"] == 2)
            let empty = try await server.request("POST", "/v1/jobs:batch", body: Self.batch([]))
            #expect(empty.status == 422 && empty.json["code"] == "invalid_batch")
            let bare = try await server.request("POST", "/v1/jobs:batch", body: "[\(echo)]")
            #expect(bare.status == 422 && bare.json["code"] == "invalid_batch")
            let broken = try await server.request("POST", "/v1/jobs:batch", body: #"{"jobs": ["#)
            #expect(broken.status == 400 && broken.json["code"] == "invalid_json")
            #expect(try await server.store.jobs(matching: JobQuery()).jobs.isEmpty)
        }
    }

    @Test func itemsOfATaskWithDedupAreRefused() async throws {
        try await TestServer.with(
            catalog: SumTask.catalog, openAPIDocument: GeneratedTasks.openAPIDocument, transport: .loopback
        ) { server in
            let reply = try await server.request(
                "POST", "/v1/jobs:batch", body: Self.batch([#"{"task": "sum", "input": {"dataset": "a"}}"#]))
            #expect(reply.status == 422 && reply.json["items"]?.arrayValue?.first?["code"] == "dedup_not_batchable")
        }
    }

    @Test func submitBatchSendsAJSONLinesFile() async throws {
        try await TestServer.with(
            catalog: GeneratedTasks.catalog, openAPIDocument: GeneratedTasks.openAPIDocument, transport: .loopback
        ) {
            server in
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("batch-\(UUID()).jsonl")
            defer { try? FileManager.default.removeItem(at: file) }
            try """
            {"task": "echo", "input": {"message": "one"}, "options": {"delay": "1h"}}

            {"task": "echo", "input": {"message": "two"}, "options": {"delay": "1h"}}
            """.write(to: file, atomically: true, encoding: .utf8)
            let sent = try await CommandLineRunner.run(["submit-batch", file.path, "--server", server.baseURL])
            #expect(sent.status == 0, "\(sent.stderr)")
            #expect(sent.stdout.hasPrefix("submitted 2 job(s)\n"), "\(sent.stdout)")
            #expect(try await server.store.jobs(matching: JobQuery()).jobs.count == 2)

            try #"{"task": "echo", "input": {"message": 1}}"#.write(to: file, atomically: true, encoding: .utf8)
            let refused = try await CommandLineRunner.run(["submit-batch", file.path, "--server", server.baseURL])
            #expect(refused.status != 0)
            #expect(
                refused.stderr.contains(
                    "item 0: the input does not match the task's schema: 1 violation(s) (invalid_input)"),
                "\(refused.stderr)")
            #expect(refused.stderr.contains("/message"), "\(refused.stderr)")
        }
    }
}
