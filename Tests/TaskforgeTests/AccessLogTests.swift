import Foundation
import TaskRuntime
import TaskServer
import TaskforgeTestSupport
import Tasks
import Testing

/// One structured access log line per request, with the request id, the route's pattern, who asked,
/// and the code of a refusal.
@Suite("Access log")
struct AccessLogTests {
    @Test func eachRequestLogsOneLineWithItsRouteTokenAndJob() async throws {
        let logs = CapturedLogs()
        try await TestServer.with(
            catalog: GeneratedTasks.catalog, openAPIDocument: GeneratedTasks.openAPIDocument, maxBodyBytes: 4096,
            authentication: .required, logger: logs.logger()
        ) { server in
            let secret = try await AuthenticationTests.token(server, "ci", [.submit, .read])
            let tokenID = try #require(TokenSecret(presented: secret)?.id)
            let auth = AuthenticationTests.bearer(secret)
            let submitted = try await server.request(
                "POST", "/v1/tasks/echo", body: #"{"message": "logged"}"#,
                headers: auth.merging(["X-Request-Id": "client-42"]) { $1 })
            #expect(submitted.status == 202 && submitted.headers["x-request-id"] == "client-42")
            let jobID = try #require(submitted.json["id"]?.stringValue)
            let read = try await server.request("GET", "/v1/jobs/\(jobID)", headers: auth)
            let generated = try #require(read.headers["x-request-id"])
            // An id that is not one we accept is replaced, not echoed.
            let missing = try await server.request(
                "GET", "/v1/jobs/\(UUID().uuidString)",
                headers: auth.merging(["X-Request-Id": "not a valid id!"]) { $1 })
            #expect(missing.status == 404 && missing.headers["x-request-id"] != "not a valid id!")
            #expect(missing.json["request_id"]?.stringValue == missing.headers["x-request-id"])
            // A limit violation: its code is in the line.
            let oversized = try await server.request(
                "POST", "/v1/tasks/echo", body: #"{"message": "\#(String(repeating: "x", count: 8192))"}"#,
                headers: auth.merging(["X-Request-Id": "too-big"]) { $1 })
            #expect(oversized.status == 413)

            let lines = logs.all.filter { $0["message"] == "request" }
            let submitLine = try #require(lines.first { $0["requestId"] == "client-42" })
            #expect(
                submitLine["method"] == "POST" && submitLine["route"] == "/v1/tasks/echo"
                    && submitLine["status"] == "202")
            #expect(submitLine["tokenId"] == tokenID)
            #expect(
                submitLine["jobId"] == jobID && submitLine["taskName"] == "echo" && submitLine["taskVersion"] == "1")
            #expect(Double(submitLine["durationMs"] ?? "") != nil)
            let readLine = try #require(lines.first { $0["requestId"] == generated })
            #expect(readLine["route"] == "/v1/jobs/{id}" && readLine["status"] == "200" && readLine["jobId"] == jobID)
            let missingLine = try #require(lines.first { $0["requestId"] == missing.headers["x-request-id"] })
            #expect(missingLine["status"] == "404" && missingLine["jobId"] == nil && missingLine["tokenId"] == tokenID)
            #expect(missingLine["code"] == "job_not_found" && submitLine["code"] == nil && readLine["code"] == nil)
            let oversizedLine = try #require(lines.first { $0["requestId"] == "too-big" })
            #expect(oversizedLine["status"] == "413" && oversizedLine["code"] == "body_too_large")
            // The secret is in no line, in no field.
            for record in logs.all {
                #expect(!record.values.contains { $0.contains(secret) || $0.contains("Bearer") }, "\(record)")
            }
        }
    }
}
