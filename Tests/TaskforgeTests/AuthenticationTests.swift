import Foundation
import TaskRuntime
import TaskServer
import TaskforgeTestSupport
import Tasks
import Testing

/// API tokens over real HTTP: 401 without a valid token, 403 without the scope, 404 for another
/// principal's job, everything for `admin`.
@Suite("API tokens and ownership")
struct AuthenticationTests {
    /// Stores a token with `scopes` and returns the secret a client presents.
    static func token(
        _ server: TestServer, _ name: String, _ scopes: Set<TokenScope>, tasks: [String]? = nil, expiresAt: Date? = nil
    ) async throws -> String {
        let secret = TokenSecret.generate()
        let token = APIToken(
            id: secret.id, name: name, secretHash: secret.hash, scopes: scopes, tasks: tasks, createdAt: Date(),
            expiresAt: expiresAt)
        #expect(try await server.store.createToken(token))
        return secret.text
    }

    static func with(
        catalog: TaskCatalog = GeneratedTasks.catalog, _ body: (TestServer) async throws -> Void
    ) async throws {
        try await TestServer.with(
            catalog: catalog, openAPIDocument: GeneratedTasks.openAPIDocument, authentication: .required, body)
    }

    static func bearer(_ secret: String) -> [String: String] { ["Authorization": "Bearer \(secret)"] }

    @Test func aRequestWithoutAValidTokenIsRefusedWithAChallenge() async throws {
        try await Self.with { server in
            let secret = try await Self.token(server, "ci", [.read])
            let missing = try await server.request("GET", "/v1/jobs")
            #expect(missing.status == 401 && missing.json["code"] == "authentication_required")
            #expect(missing.headers["www-authenticate"] == #"Bearer realm="taskforge""#)
            let wrongSecret = String(secret.dropLast(2)) + (secret.hasSuffix("AA") ? "BB" : "AA")
            for header in [
                "Bearer nonsense", "Basic dXNlcjpwYXNz", "Bearer \(wrongSecret)",
                "Bearer \(TokenSecret.generate().text)",
            ] {
                let refused = try await server.request("GET", "/v1/jobs", headers: ["Authorization": header])
                #expect(refused.status == 401 && refused.json["code"] == "invalid_token", "\(header)")
                #expect(refused.headers["www-authenticate"]?.contains(#"error="invalid_token""#) == true)
            }
            #expect(try await server.request("GET", "/v1/jobs", headers: Self.bearer(secret)).status == 200)
            // Health checks and the OpenAPI document stay public; unknown paths are not.
            #expect(try await server.request("GET", "/healthz").status == 200)
            #expect(try await server.request("GET", "/openapi.json").status == 200)
            #expect(try await server.request("GET", "/v1/nowhere").status == 401)
        }
    }

    @Test func aTokenWithoutTheScopeOrTaskIsForbidden() async throws {
        try await Self.with { server in
            let reader = try await Self.token(server, "reader", [.read])
            let echoOnly = try await Self.token(server, "echo-only", [.submit], tasks: ["echo"])
            let refused = try await server.request(
                "POST", "/v1/tasks/echo", body: #"{"message": "hi"}"#, headers: Self.bearer(reader))
            #expect(
                refused.status == 403 && refused.json["code"] == "insufficient_scope"
                    && refused.json["scope"] == "submit")
            #expect(refused.headers["www-authenticate"]?.contains(#"error="insufficient_scope""#) == true)
            let otherTask = try await server.request(
                "POST", "/v1/tasks/sleep", body: #"{"seconds": 1}"#, headers: Self.bearer(echoOnly))
            #expect(otherTask.status == 403 && otherTask.json["code"] == "insufficient_scope")
            let accepted = try await server.request(
                "POST", "/v1/tasks/echo", body: #"{"message": "hi"}"#, headers: Self.bearer(echoOnly))
            #expect(accepted.status == 202)
            // Submitting is not reading: the job is there, but this token may not look at it.
            let id = try #require(accepted.json["id"]?.stringValue)
            #expect(try await server.request("GET", "/v1/jobs/\(id)", headers: Self.bearer(echoOnly)).status == 403)
            let batch =
                #"{"jobs": [{"task": "echo", "input": {"message": "a"}}, {"task": "sleep", "input": {"seconds": 1}}]}"#
            let refusedBatch = try await server.request(
                "POST", "/v1/jobs:batch", body: batch, headers: Self.bearer(echoOnly))
            #expect(refusedBatch.status == 403)
            #expect(
                try await server.store.jobs(matching: JobQuery()).jobs.count == 1, "the refused batch queued nothing")
        }
    }

    @Test func aPrincipalSeesAndCancelsOnlyItsOwnJobsAndAdminSeesAll() async throws {
        try await Self.with { server in
            let alice = try await Self.token(server, "alice", [.submit, .read, .cancel])
            let bob = try await Self.token(server, "bob", [.submit, .read, .cancel])
            let admin = try await Self.token(server, "ops", [.admin])
            let submitted = try await server.request(
                "POST", "/v1/tasks/sleep?delay=1h", body: #"{"seconds": 1}"#, headers: Self.bearer(alice))
            let id = try #require(submitted.json["id"]?.stringValue)
            _ = try await server.request(
                "POST", "/v1/tasks/echo", body: #"{"message": "bob's"}"#, headers: Self.bearer(bob))

            let hidden = try await server.request("GET", "/v1/jobs/\(id)", headers: Self.bearer(bob))
            #expect(hidden.status == 404 && hidden.json["code"] == "job_not_found")
            #expect(try await server.request("GET", "/v1/jobs/\(id)/events", headers: Self.bearer(bob)).status == 404)
            #expect(try await server.request("POST", "/v1/jobs/\(id)/cancel", headers: Self.bearer(bob)).status == 404)
            #expect(try await server.request("POST", "/v1/jobs/\(id)/retry", headers: Self.bearer(bob)).status == 404)
            let bobsList =
                try await server.request("GET", "/v1/jobs", headers: Self.bearer(bob)).json["jobs"]?.arrayValue ?? []
            #expect(bobsList.count == 1 && bobsList.first?["task"] == "echo")

            #expect(try await server.request("GET", "/v1/jobs/\(id)", headers: Self.bearer(alice)).status == 200)
            let everyone =
                try await server.request("GET", "/v1/jobs", headers: Self.bearer(admin)).json["jobs"]?.arrayValue ?? []
            #expect(everyone.count == 2)
            let cancelled = try await server.request("POST", "/v1/jobs/\(id)/cancel", headers: Self.bearer(alice))
            #expect(cancelled.status == 200 && cancelled.json["state"] == "cancelled")
        }
    }

    @Test func revokedAndExpiredTokensAreRefused() async throws {
        try await Self.with { server in
            let secret = try await Self.token(server, "laptop", [.read])
            let expired = try await Self.token(server, "old", [.read], expiresAt: Date(timeIntervalSinceNow: -1))
            #expect(try await server.request("GET", "/v1/jobs", headers: Self.bearer(secret)).status == 200)
            let revoked = try #require(try await server.store.revokeToken("laptop", at: Date()))
            #expect(revoked.revokedAt != nil)
            let afterRevoke = try await server.request("GET", "/v1/jobs", headers: Self.bearer(secret))
            #expect(afterRevoke.status == 401 && afterRevoke.json["detail"] == "the token was revoked")
            let afterExpiry = try await server.request("GET", "/v1/jobs", headers: Self.bearer(expired))
            #expect(afterExpiry.status == 401 && afterExpiry.json["detail"] == "the token has expired")
        }
    }

    @Test func dedupAndIdempotencyKeysArePerPrincipal() async throws {
        try await Self.with(catalog: SumTask.catalog) { server in
            let alice = try await Self.token(server, "alice", [.submit, .read])
            let bob = try await Self.token(server, "bob", [.submit, .read])
            func submit(_ secret: String, key: String) async throws -> Reply {
                try await server.request(
                    "POST", "/v1/tasks/sum?delay=1h", body: #"{"dataset": "a"}"#,
                    headers: Self.bearer(secret).merging(["Idempotency-Key": key]) { $1 })
            }
            let first = try await submit(alice, key: "k1")
            #expect(first.status == 202)
            // Same input and key from another principal: a job of its own, neither deduplicated nor replayed.
            let other = try await submit(bob, key: "k1")
            #expect(
                other.status == 202 && other.headers["idempotent-replayed"] == nil
                    && other.json["id"] != first.json["id"])
            let again = try await submit(alice, key: "k2")
            #expect(again.status == 200 && again.json["deduplicated"] == true && again.json["id"] == first.json["id"])
            let lookup = try await server.request("GET", "/v1/dedup/sum?dataset=a", headers: Self.bearer(bob))
            #expect(lookup.json["latest_job"]?["id"] == other.json["id"])
        }
    }

    @Test func withoutTokensOnlyALoopbackBindRunsOpen() throws {
        #expect(try Authentication.decide(host: "127.0.0.1", activeTokens: 0) == .off)
        #expect(try Authentication.decide(host: "localhost", activeTokens: 0) == .off)
        #expect(try Authentication.decide(host: "127.0.0.1", activeTokens: 1) == .required)
        #expect(try Authentication.decide(host: "0.0.0.0", activeTokens: 2) == .required)
        let refusal = #expect(throws: Authentication.RefusedToStart.self) {
            try Authentication.decide(host: "0.0.0.0", activeTokens: 0)
        }
        #expect(refusal?.description.contains("taskforge token create") == true)
    }
}
