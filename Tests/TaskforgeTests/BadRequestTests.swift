import Foundation
import TaskRuntime
import TaskforgeTestSupport
import Tasks
import Testing

/// Bad input of every kind gets a problem document with a stable code, never a 500.
@Suite("Bad requests")
struct BadRequestTests {
    @Test func schemaViolationsAreListedByPointer() async throws {
        try await TestServer.with(catalog: GeneratedTasks.catalog, openAPIDocument: GeneratedTasks.openAPIDocument) {
            server in
            let reply = try await server.request(
                "POST", "/v1/tasks/echo", body: #"{"message": 42, "extra": true}"#)
            #expect(reply.status == 422)
            #expect(reply.headers["content-type"] == "application/problem+json")
            #expect(reply.json["code"] == "invalid_input")
            #expect(reply.json["type"] == "urn:taskforge:error:invalid_input")
            let violations = try #require(reply.json["violations"]?.arrayValue)
            let byPointer = Dictionary(
                uniqueKeysWithValues: violations.compactMap { v in
                    v["pointer"]?.stringValue.map { ($0, v["code"]?.stringValue ?? "") }
                })
            #expect(byPointer == ["/message": "type", "/extra": "additional_property"])
        }
    }

    @Test(arguments: [
        (#"{"message": "x"#, "invalid_json"),
        ("", "invalid_json"),
        ("not json at all", "invalid_json"),
    ])
    func malformedBodiesAre400(body: String, code: String) async throws {
        try await TestServer.with(catalog: GeneratedTasks.catalog, openAPIDocument: GeneratedTasks.openAPIDocument) {
            server in
            let reply = try await server.request("POST", "/v1/tasks/echo", body: body)
            #expect(reply.status == 400)
            #expect(reply.json["code"] == .string(code))
        }
    }

    /// A body JSON leaves ambiguous is refused, naming the place, rather than read one way.
    @Test(arguments: [
        (
            "{\"message\": \"a\",\n \"message\": \"b\"}",
            #"the key "message" appears twice in one object at line 2, column 2"#
        ),
        (#"{"message": "x",}"#, "expected a quoted key, found '}' at line 1, column 17"),
    ])
    func ambiguousBodiesAre400WithThePlace(body: String, detail: String) async throws {
        try await TestServer.with(catalog: GeneratedTasks.catalog, openAPIDocument: GeneratedTasks.openAPIDocument) {
            server in
            let reply = try await server.request("POST", "/v1/tasks/echo", body: body)
            #expect(reply.status == 400)
            #expect(reply.json["code"] == "invalid_json")
            #expect(reply.json["detail"] == .string("the request body is not valid JSON: " + detail))
        }
    }

    @Test func wrongShapesAndBoundsAre422() async throws {
        try await TestServer.with(catalog: GeneratedTasks.catalog, openAPIDocument: GeneratedTasks.openAPIDocument) {
            server in
            let notObject = try await server.request("POST", "/v1/tasks/echo", body: "[1, 2]")
            #expect(notObject.status == 422)
            #expect(notObject.json["violations"]?.arrayValue?.first?["pointer"] == "")
            let missing = try await server.submit("echo", [:])
            #expect(missing.json["violations"]?.arrayValue?.first?["code"] == "required")
            let tooLong = try await server.submit("echo", ["message": .string(String(repeating: "a", count: 10_001))])
            #expect(tooLong.json["violations"]?.arrayValue?.first?["code"] == "max_length")
            let atLimit = try await server.submit("echo", ["message": .string(String(repeating: "a", count: 10_000))])
            #expect(atLimit.status == 202)
            let negative = try await server.submit("sleep", ["seconds": -1])
            #expect(negative.json["violations"]?.arrayValue?.first?["code"] == "minimum")
            let tooLongSleep = try await server.submit("sleep", ["seconds": 3600.5])
            #expect(tooLongSleep.json["violations"]?.arrayValue?.first?["code"] == "maximum")
        }
    }

    @Test func unknownThingsAre404() async throws {
        try await TestServer.with(catalog: GeneratedTasks.catalog, openAPIDocument: GeneratedTasks.openAPIDocument) {
            server in
            let task = try await server.submit("nope", [:])
            #expect(task.status == 404 && task.json["code"] == "task_not_found")
            let job = try await server.request("GET", "/v1/jobs/\(UUID().uuidString)")
            #expect(job.status == 404 && job.json["code"] == "job_not_found")
            let notUUID = try await server.request("GET", "/v1/jobs/not-a-uuid")
            #expect(notUUID.status == 404 && notUUID.json["code"] == "job_not_found")
            let cancel = try await server.request("POST", "/v1/jobs/\(UUID().uuidString)/cancel")
            #expect(cancel.status == 404)
            let route = try await server.request("GET", "/v2/anything")
            #expect(route.status == 404 && route.json["code"] == "route_not_found")
        }
    }

    @Test func badQueryParametersAre400() async throws {
        try await TestServer.with(catalog: GeneratedTasks.catalog, openAPIDocument: GeneratedTasks.openAPIDocument) {
            server in
            for query in ["status=sleeping", "limit=0", "limit=abc", "cursor=%%%", "status=running&state=bogus"] {
                let reply = try await server.request("GET", "/v1/jobs?\(query)")
                #expect(reply.status == 400, "\(query)")
                #expect(reply.json["code"] == "invalid_parameter")
            }
            let synonym = try await server.request("GET", "/v1/jobs?state=bogus")
            #expect(synonym.json["parameter"] == "state")
        }
    }

    @Test func aKnownPathWithAnotherMethodIs405WithAllow() async throws {
        try await TestServer.with(catalog: GeneratedTasks.catalog, openAPIDocument: GeneratedTasks.openAPIDocument) {
            server in
            let delete = try await server.request("DELETE", "/v1/jobs")
            #expect(delete.status == 405)
            #expect(delete.json["code"] == "method_not_allowed")
            #expect(delete.headers["allow"] == "GET")
            let put = try await server.request("PUT", "/v1/tasks/echo")
            #expect(put.status == 405)
            #expect(put.headers["allow"] == "GET, POST")
            let cancel = try await server.request("GET", "/v1/jobs/\(UUID().uuidString)/cancel")
            #expect(cancel.status == 405 && cancel.headers["allow"] == "POST")
            let unknown = try await server.request("DELETE", "/v1/nothing")
            #expect(unknown.status == 404 && unknown.json["code"] == "route_not_found")
        }
    }

    @Test func oversizedBodiesAre413() async throws {
        try await TestServer.with(
            catalog: GeneratedTasks.catalog, openAPIDocument: GeneratedTasks.openAPIDocument, maxBodyBytes: 1024
        ) { server in
            let reply = try await server.submit("echo", ["message": .string(String(repeating: "a", count: 2000))])
            #expect(reply.status == 413)
            #expect(reply.json["code"] == "body_too_large")
        }
    }
}
