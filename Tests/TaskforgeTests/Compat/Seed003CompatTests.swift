import Foundation
import TaskRuntime
import TaskServer
import TaskforgeTestSupport
import Tasks
import Testing

/// Seed 003's curl examples, verbatim (../shared/seeds/003: "Curl Examples"), against a live server
/// with the seed's default limits.
@Suite("Compat: seed 003 task runner")
struct Seed003CompatTests {
    static func with(_ body: (TestServer) async throws -> Void) async throws {
        try await CompatServer.with(maxRuntime: .seconds(600), maxBatchSize: 50, tasksPerMinute: 30, body)
    }

    @Test func theEchoAndArtifactExamplesWorkVerbatim() async throws {
        try await Self.with { server in
            // Create echo task.
            let created = try await server.request(
                "POST", "/tasks",
                body: #"{"type":"echo","params":{"msg":"hello"},"timeout_seconds":300,"max_retries":0}"#)
            #expect(created.status == 200 && created.json["status"] == "PENDING" && created.json["type"] == "echo")
            #expect(created.json["max_retries"] == 0)
            let id = try #require(created.json["task_id"]?.stringValue)
            // Get task status, until it finished.
            let done = try await CompatServer.waitForStatus(
                server, "/tasks/\(id)", in: ["SUCCEEDED", "FAILED", "CANCELLED"])
            #expect(done["status"] == "SUCCEEDED" && done["result"]?["msg"] == "hello" && done["progress"] == 100)
            #expect(
                done["error"] == .null && done["created_at"]?.stringValue != nil
                    && done["finished_at"]?.stringValue != nil)
            // Create an artifact (JSON + base64).
            let artifact = try await server.request(
                "POST", "/artifacts",
                body: #"{"task_id":"\#(id)","type":"log","content_type":"text/plain","data_base64":"SGVsbG8gd29ybGQ="}"#
            )
            #expect(artifact.status == 201 && artifact.json["type"] == "log" && artifact.json["task_id"] == .string(id))
            let artifactID = try #require(artifact.json["artifact_id"]?.stringValue)
            // Fetch artifact metadata.
            let meta = try await server.request("GET", "/artifacts/\(artifactID)/meta")
            #expect(meta.status == 200 && meta.json["size_bytes"] == 11 && meta.json["content_type"] == "text/plain")
            #expect(meta.json["lineage"]?["producer"]?["task"] == "echo")
            // Download artifact by ID.
            let bytes = try await server.download("/artifacts/\(artifactID)")
            #expect(bytes.status == 200 && String(decoding: bytes.body, as: UTF8.self) == "Hello world")
        }
    }

    @Test func theSleepExampleRunsAndIsCancelled() async throws {
        try await Self.with { server in
            // Create sleep task: the seed's example body, sleeping 600 s instead of 10 so that the cancel
            // below reaches a running job however loaded the machine is (a CI run took 10 s to get there).
            let created = try await server.request(
                "POST", "/tasks",
                body: #"{"type":"sleep","params":{"seconds":600},"timeout_seconds":300,"max_retries":0}"#)
            let id = try #require(created.json["task_id"]?.stringValue)
            try await CompatServer.waitForStatus(server, "/tasks/\(id)", in: ["RUNNING"])
            // Cancel task.
            let cancelled = try await server.request("POST", "/tasks/\(id)/cancel")
            #expect(cancelled.status == 200 && cancelled.json["cancel_requested"] == true)
            let finished = try await CompatServer.waitForStatus(
                server, "/tasks/\(id)", in: ["SUCCEEDED", "FAILED", "CANCELLED"])
            #expect(finished["status"] == "CANCELLED")
            let again = try await server.request("POST", "/tasks/\(id)/cancel")
            #expect(again.status == 409 && again.json["code"] == "job_finished")
        }
    }

    @Test func aTimeoutOrRetriesAboveTheCapsAreRefusedNamingTheCap() async throws {
        try await Self.with { server in
            let long = try await server.request(
                "POST", "/tasks",
                body: #"{"type":"sleep","params":{"seconds":1},"timeout_seconds":900,"max_retries":0}"#)
            #expect(long.status == 422 && long.headers["content-type"] == "application/problem+json")
            let violation = try #require(long.json["violations"]?.arrayValue?.first)
            #expect(violation["pointer"] == "/timeout_seconds")
            #expect(violation["message"]?.stringValue?.contains("600 (TASK_MAX_RUNTIME_SECONDS") == true)
            let retries = try await server.request(
                "POST", "/tasks", body: #"{"type":"echo","params":{"msg":"x"},"max_retries":3}"#)
            #expect(
                retries.status == 422 && retries.json["violations"]?.arrayValue?.first?["pointer"] == "/max_retries")
            #expect(
                retries.json["violations"]?.arrayValue?.first?["message"]?.stringValue?.contains("at most 0") == true)
            let badParams = try await server.request("POST", "/tasks", body: #"{"type":"echo","params":{"msg":7}}"#)
            #expect(
                badParams.status == 422 && badParams.json["violations"]?.arrayValue?.first?["pointer"] == "/params/msg")
            let unknown = try await server.request("POST", "/tasks", body: #"{"type":"resize","params":{}}"#)
            #expect(unknown.status == 422 && unknown.json["violations"]?.arrayValue?.first?["pointer"] == "/type")
        }
    }

    @Test func aShorterTimeoutIsTheJobsOwn() async throws {
        try await Self.with { server in
            // The task allows an hour; this job one second, and it fails as the seed's worker would.
            let created = try await server.request(
                "POST", "/tasks", body: #"{"type":"sleep","params":{"seconds":30},"timeout_seconds":1,"max_retries":0}"#
            )
            #expect(created.status == 200 && created.json["timeout_seconds"] == 1 && created.json["max_retries"] == 0)
            let id = try #require(created.json["task_id"]?.stringValue)
            let finished = try await CompatServer.waitForStatus(
                server, "/tasks/\(id)", in: ["SUCCEEDED", "FAILED", "CANCELLED"])
            #expect(
                finished["status"] == "FAILED" && finished["error"]?["code"] == "task_runtime_exceeded", "\(finished)")
            #expect(try await server.job(id)["max_attempts"] == 1)
        }
    }

    @Test func limitsHealthAndTheDedupHelpersAnswerInTheSeedsNames() async throws {
        try await Self.with { server in
            let limits = try await server.request("GET", "/limits")
            #expect(limits.status == 200)
            #expect(limits.json["TASK_MAX_RUNTIME_SECONDS"] == 600 && limits.json["TASK_MAX_ARTIFACT_MB"] == 25)
            #expect(limits.json["TASKS_PER_MINUTE"] == 30 && limits.json["MAX_BATCH_SIZE"] == 50)
            #expect(
                limits.json["SEARCH_SOURCE_ALLOWLIST"] == ["brave"] && limits.json["FETCH_DOMAIN_ALLOWLIST"] == ["*"])
            let health = try await server.request("GET", "/health")
            #expect(health.status == 200 && health.json["status"] == "ok")
            let key = String(repeating: "ab", count: 32)
            let processed = try await server.request("GET", "/dedup/has_been_processed?key=\(key)&scope=search")
            #expect(
                processed.status == 200 && processed.json["processed"] == false && processed.json["last_at"] == .null)
            let latest = try await server.request("GET", "/dedup/latest_run_for_key?key=search:\(key)")
            #expect(latest.status == 200 && latest.json["run"] == .null)
            let unscoped = try await server.request("GET", "/dedup/latest_run_for_key?key=\(key)")
            #expect(
                unscoped.status == 400 && unscoped.json["code"] == "invalid_parameter"
                    && unscoped.json["parameter"] == "key")
            let noTask = try await server.request("GET", "/dedup/has_been_processed?key=\(key)&scope=resize")
            #expect(noTask.status == 404 && noTask.json["code"] == "task_not_found")
        }
    }
}
