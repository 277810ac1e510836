import Foundation
import TaskRuntime
import TaskServer
import TaskforgeTestSupport
import Tasks
import Testing

/// `TASKS_PER_MINUTE` per principal over real HTTP, and `GET /v1/limits`.
@Suite("Submit limits")
struct SubmitLimitTests {
    @Test func aPrincipalOverItsLimitGets429WithRateLimitHeaders() async throws {
        try await TestServer.with(
            catalog: GeneratedTasks.catalog, openAPIDocument: GeneratedTasks.openAPIDocument, authentication: .required,
            tasksPerMinute: 2
        ) { server in
            let alice = try await AuthenticationTests.token(server, "alice", [.submit, .read])
            let bob = try await AuthenticationTests.token(server, "bob", [.submit])
            func submit(_ secret: String) async throws -> Reply {
                try await server.request(
                    "POST", "/v1/tasks/echo", body: #"{"message": "hi"}"#, headers: AuthenticationTests.bearer(secret))
            }
            let batch =
                #"{"jobs": [{"task": "echo", "input": {"message": "a"}}, {"task": "echo", "input": {"message": "b"}}]}"#
            // The batch spends both tokens; one comes back every 30 s.
            #expect(
                try await server.request(
                    "POST", "/v1/jobs:batch", body: batch, headers: AuthenticationTests.bearer(alice)
                ).status == 202)
            let refused = try await submit(alice)
            #expect(
                refused.status == 429 && refused.json["code"] == "rate_limit_exceeded" && refused.json["limit"] == 2)
            #expect(refused.headers["ratelimit-limit"] == "2" && refused.headers["ratelimit-remaining"] == "0")
            let retryAfter = try #require(refused.headers["retry-after"].flatMap { Int($0) })
            let reset = try #require(refused.headers["ratelimit-reset"].flatMap { Int($0) })
            #expect((1...30).contains(retryAfter) && (retryAfter...60).contains(reset), "\(retryAfter) \(reset)")
            #expect(try await submit(bob).status == 202, "the limit is per principal")
            #expect(
                try await server.store.jobs(matching: JobQuery()).jobs.count == 3, "the refused submit queued nothing")

            let limits = try await server.request("GET", "/v1/limits", headers: AuthenticationTests.bearer(alice))
            #expect(limits.status == 200)
            #expect(limits.json["tasks_per_minute"] == 2 && limits.json["max_batch_size"] == 100)
            #expect(limits.json["max_body_bytes"] == 1_048_576 && limits.json["task_max_runtime_seconds"] == .null)
            #expect(limits.json["max_artifact_bytes"] == .integer(25 << 20))
            #expect(limits.json["tasks"] == [:], "an unconfigured catalog shows no task limits")
        }
    }
}
