import Foundation
import TaskRuntime
import TaskforgeTestSupport
import Tasks
import Testing

/// Jobs submitted over HTTP and run by in-process workers.
@Suite("Submit and run over HTTP")
struct SubmitAndRunTests {
    @Test func echoRoundTrip() async throws {
        try await TestServer.with(catalog: GeneratedTasks.catalog, openAPIDocument: GeneratedTasks.openAPIDocument) {
            server in
            let reply = try await server.submit("echo", ["message": "hello, taskforge"])
            #expect(reply.status == 202)
            let id = try #require(reply.json["id"]?.stringValue)
            #expect(reply.headers["location"] == "/v1/jobs/\(id)")
            #expect(reply.json["state"] == "pending")
            #expect(reply.json["task"] == "echo" && reply.json["version"] == 1)
            let finished = try await server.waitUntilFinished(id)
            #expect(finished["state"] == "succeeded")
            #expect(finished["output"] == ["message": "hello, taskforge"])
            #expect(finished["progress"] == 100)
            #expect(finished["attempt"] == 1)
            for key in ["created_at", "started_at", "finished_at"] {
                let stamp = try #require(finished[key]?.stringValue)
                #expect(stamp.hasSuffix("Z"), "\(key) is RFC 3339 UTC: \(stamp)")
                #expect(try Date(stamp, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) <= Date())
            }
        }
    }

    /// Polls until the progress was seen at two different values between 0 and 100 (however slow
    /// the machine: the job sleeps ten minutes), checks it never went back, then cancels the job.
    @Test func sleepReportsRisingProgress() async throws {
        try await TestServer.with(catalog: GeneratedTasks.catalog, openAPIDocument: GeneratedTasks.openAPIDocument) {
            server in
            let id = try #require(try await server.submit("sleep", ["seconds": 600]).json["id"]?.stringValue)
            var seen: [Double] = []
            try await server.waitForJob(id, timeout: .seconds(60)) { job in
                if let progress = job["progress"]?.doubleValue, job["state"] == "running" { seen.append(progress) }
                return Set(seen.filter { $0 > 0 && $0 < 100 }).count >= 2
            }
            #expect(seen == seen.sorted(), "progress never goes back: \(seen)")
            #expect(try await server.request("POST", "/v1/jobs/\(id)/cancel").status == 202)
            #expect(try await server.waitUntilFinished(id)["state"] == "cancelled")
        }
    }

    /// The handler sleeps for ten minutes; the cancel must interrupt it, not wait for it. (How fast a
    /// cancel lands is a speed figure, measured outside the tests: 29 ms across processes.)
    @Test func cancellingARunningSleepInterruptsIt() async throws {
        try await TestServer.with(catalog: GeneratedTasks.catalog, openAPIDocument: GeneratedTasks.openAPIDocument) {
            server in
            let id = try #require(try await server.submit("sleep", ["seconds": 600]).json["id"]?.stringValue)
            try await server.waitForJob(id) { $0["state"] == "running" }
            let reply = try await server.request("POST", "/v1/jobs/\(id)/cancel")
            #expect(reply.status == 202)
            #expect(reply.json["cancel_requested"] == true)
            let finished = try await server.waitUntilFinished(id, timeout: .seconds(30))
            #expect(finished["state"] == "cancelled")
            #expect(finished["error"]?["code"] == "cancelled")
            #expect(finished["output"] == .null)
        }
    }

    @Test func cancellingAPendingJobIsImmediateAndAFinishedOneConflicts() async throws {
        try await TestServer.with(catalog: GeneratedTasks.catalog, openAPIDocument: GeneratedTasks.openAPIDocument) {
            server in
            let id = try #require(try await server.submit("echo", ["message": "x"]).json["id"]?.stringValue)
            _ = try await server.waitUntilFinished(id)
            let conflict = try await server.request("POST", "/v1/jobs/\(id)/cancel")
            #expect(conflict.status == 409)
            #expect(conflict.json["code"] == "job_finished")
            #expect(conflict.headers["content-type"] == "application/problem+json")
        }
    }

    @Test func anAttemptLongerThanItsTimeoutFails() async throws {
        try await TestServer.with(
            catalog: GeneratedTasks.catalog, openAPIDocument: GeneratedTasks.openAPIDocument,
            maxRuntime: .milliseconds(300)
        ) { server in
            let id = try #require(try await server.submit("sleep", ["seconds": 30]).json["id"]?.stringValue)
            let finished = try await server.waitUntilFinished(id, timeout: .seconds(60))
            #expect(finished["state"] == "failed")
            #expect(finished["error"]?["code"] == "task_runtime_exceeded")
            #expect(finished["error"]?["retryable"] == true)
            #expect(finished["attempt"] == 1)
        }
    }

    @Test func jobsAreListedNewestFirstWithACursor() async throws {
        try await TestServer.with(catalog: GeneratedTasks.catalog, openAPIDocument: GeneratedTasks.openAPIDocument) {
            server in
            var ids: [String] = []
            for index in 0..<3 {
                ids.append(
                    try #require(
                        try await server.submit("echo", ["message": .string("\(index)")]).json["id"]?.stringValue))
            }
            let first = try await server.request("GET", "/v1/jobs?task=echo&limit=2")
            #expect(first.json["jobs"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == [ids[2], ids[1]])
            let cursor = try #require(first.json["next_cursor"]?.stringValue)
            let second = try await server.request("GET", "/v1/jobs?task=echo&limit=2&cursor=\(cursor)")
            #expect(second.json["jobs"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == [ids[0]])
            #expect(second.json["next_cursor"] == .null)
            let none = try await server.request("GET", "/v1/jobs?task=sleep")
            #expect(none.json["jobs"] == [])
        }
    }

    @Test func theRegistryDescribesEveryTask() async throws {
        try await TestServer.with(catalog: GeneratedTasks.catalog, openAPIDocument: GeneratedTasks.openAPIDocument) {
            server in
            let reply = try await server.request("GET", "/v1/tasks")
            let tasks = try #require(reply.json["tasks"]?.arrayValue)
            #expect(
                tasks.compactMap { $0["name"]?.stringValue } == [
                    "aod_estimation", "dataset_anomalies", "dataset_metrics", "dataset_normalize", "echo", "search",
                    "sleep", "volcal",
                ])
            let echo = try #require(tasks.first { $0["name"] == "echo" })
            #expect(echo["version"] == 1)
            #expect(echo["summary"] == "Echo a message back.")
            #expect(echo["dedup"] == .null)
            #expect(echo["schedules"] == [])
            #expect(echo["input_schema"]?["properties"]?["message"]?["maxLength"] == 10000)
            #expect(echo["input_schema"]?["additionalProperties"] == false)
            #expect(echo["output_schema"]?["required"] == ["message"])
            #expect(try await server.request("GET", "/healthz").json["status"] == "ok")
            #expect(try await server.request("GET", "/readyz").json["status"] == "ready")
        }
    }
}

@Suite("Operational routes")
struct OperationalRouteTests {
    @Test func theServerServesTheCommittedOpenAPIDocument() async throws {
        try await TestServer.with(catalog: GeneratedTasks.catalog, openAPIDocument: GeneratedTasks.openAPIDocument) {
            server in
            let reply = try await server.request("GET", "/openapi.json")
            #expect(reply.status == 200)
            #expect(reply.json["openapi"] == "3.1.0")
            #expect(reply.json["paths"]?["/v1/tasks/echo"]?["post"]?["operationId"] == "submit_echo")
            let task = try await server.request("GET", "/v1/tasks/echo")
            #expect(task.status == 200 && task.json["name"] == "echo")
        }
    }
}
