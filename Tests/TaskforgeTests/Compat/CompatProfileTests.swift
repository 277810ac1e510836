import Foundation
import TaskRuntime
import TaskServer
import TaskforgeTestSupport
import Tasks
import Testing

/// What every seed profile shares with `/v1`: tokens and ownership, problem+json for unknown routes,
/// its place in the OpenAPI document, and that a profile turned off is gone.
@Suite("Compat: profiles")
struct CompatProfileTests {
    @Test func profilesHonourTokensAndOwnershipLikeV1() async throws {
        try await CompatServer.with(authentication: .required) { server in
            let alice = AuthenticationTests.bearer(
                try await AuthenticationTests.token(server, "alice", [.submit, .read, .cancel]))
            let bob = AuthenticationTests.bearer(
                try await AuthenticationTests.token(server, "bob", [.submit, .read, .cancel]))
            let body = #"{"type":"sleep","params":{"seconds":10},"timeout_seconds":300,"max_retries":0}"#
            let missing = try await server.request("POST", "/tasks", body: body)
            #expect(missing.status == 401 && missing.json["code"] == "authentication_required")
            let created = try await server.request("POST", "/tasks", body: body, headers: alice)
            let id = try #require(created.json["task_id"]?.stringValue)
            let volcal = try await server.request("POST", "/create_task", body: "{}", headers: alice)
            let volcalID = try #require(volcal.json["task_id"]?.stringValue)
            for (method, path) in [
                ("GET", "/tasks/\(id)"), ("POST", "/tasks/\(id)/cancel"), ("GET", "/query_task/\(volcalID)"),
                ("POST", "/start_task/\(volcalID)"), ("GET", "/api/task/\(id)"),
            ] {
                let unauthenticated = try await server.request(method, path)
                #expect(unauthenticated.status == 401, "\(method) \(path)")
                let other = try await server.request(method, path, headers: bob)
                #expect(other.status == 404 && other.json["code"] == "job_not_found", "\(method) \(path)")
            }
            #expect(try await server.request("GET", "/tasks/\(id)", headers: alice).json["status"]?.stringValue != nil)
            #expect(
                try await server.request("GET", "/query_task/\(volcalID)", headers: alice).json["status"] == "waiting")
            // The health checks stay public, like /healthz; the rest is not.
            #expect(try await server.request("GET", "/health").status == 200)
            #expect(try await server.request("GET", "/api/health").status == 200)
            #expect(try await server.request("GET", "/limits").status == 401)
            #expect(try await server.request("GET", "/api/tasks", headers: bob).json["total"] == 0)
            _ = try await server.request("POST", "/tasks/\(id)/cancel", headers: alice)
        }
    }

    @Test func anUnknownSeedRouteIsAProblem() async throws {
        try await CompatServer.with { server in
            for (method, path) in [
                ("GET", "/query_task"), ("GET", "/tasks/x/y"), ("GET", "/api/task"), ("POST", "/tusd_hook"),
            ] {
                let reply = try await server.request(method, path)
                #expect(reply.status == 404 && reply.json["code"] == "route_not_found", "\(method) \(path)")
                #expect(reply.headers["content-type"] == "application/problem+json")
            }
            let wrongMethod = try await server.request("DELETE", "/tasks/abc")
            #expect(wrongMethod.status == 405 && wrongMethod.headers["allow"] == "GET")
            let badID = try await server.request("GET", "/tasks/not-a-job")
            #expect(badID.status == 404 && badID.json["code"] == "job_not_found")
        }
    }

    @Test func theDocumentTagsEachProfileAndADisabledProfileIsGone() async throws {
        try await CompatServer.with { server in
            let document = try await server.request("GET", "/openapi.json").json
            let tags = document["tags"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
            #expect(Set(["seed000", "seed001", "seed003"]).isSubset(of: tags))
            #expect(document["paths"]?["/create_task"]?["post"]?["tags"] == ["seed000"])
            #expect(document["paths"]?["/api/task/{task_id}"]?["get"]?["tags"] == ["seed001"])
            #expect(document["paths"]?["/tasks/{task_id}/cancel"]?["post"]?["tags"] == ["seed003"])
            // The tasks.yaml aliases keep their generated items.
            #expect(document["paths"]?["/search"]?["post"]?["tags"] == ["tasks"])
        }
        let withoutVolcal = GeneratedTasks.routeProfiles.filter { $0.name != "seed000" }
        try await CompatServer.with(profiles: withoutVolcal) { server in
            let reply = try await server.request("POST", "/create_task", body: "{}")
            #expect(reply.status == 404 && reply.json["code"] == "route_not_found")
            let paths = try await server.request("GET", "/openapi.json").json["paths"]?.objectValue ?? [:]
            #expect(paths.keys.contains("/tasks/{task_id}") && !paths.keys.contains("/create_task"))
            #expect(try await server.request("GET", "/health").status == 200)
        }
    }
}
