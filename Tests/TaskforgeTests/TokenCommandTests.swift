import Foundation
import TaskRuntime
import TaskforgeTestSupport
import Testing

/// `taskforge token create|list|revoke`, a server that requires the tokens it made, and a public
/// bind without tokens refused.
@Suite("taskforge token")
struct TokenCommandTests {
    @Test func aTokenIsCreatedUsedListedAndRevoked() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("taskforge-token-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let data = ["--data-dir", directory.appendingPathComponent("data").path]
        let noDatabase = ["TASKFORGE_DATABASE_URL": ""]

        let created = try await CommandLineRunner.run(
            ["token", "create", "--name", "ci", "--scopes", "submit,read", "--tasks", "echo", "--expires", "90d"]
                + data,
            environment: noDatabase)
        #expect(created.status == 0, "\(created.stderr)")
        let secret = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let parsed = try #require(TokenSecret(presented: secret), "stdout is the secret alone: \(created.stdout)")
        #expect(created.stderr.contains("shown once"))

        let listed = try await CommandLineRunner.run(["token", "list"] + data, environment: noDatabase)
        #expect(listed.status == 0 && listed.stdout.contains(parsed.id) && listed.stdout.contains("submit,read"))
        #expect(listed.stdout.contains("echo") && listed.stdout.contains("active"))
        #expect(!listed.stdout.contains(String(secret.suffix(43))), "the secret is never shown again")

        let duplicate = try await CommandLineRunner.run(
            ["token", "create", "--name", "ci", "--scopes", "read"] + data, environment: noDatabase)
        #expect(duplicate.status != 0 && duplicate.stderr.contains("already exists"))
        let badScope = try await CommandLineRunner.run(
            ["token", "create", "--name", "x", "--scopes", "read,write"] + data, environment: noDatabase)
        #expect(badScope.status != 0 && badScope.stderr.contains("unknown scope 'write'"))

        let process = try BackgroundProcess(
            try CommandLineRunner.executable, ["serve", "--port", "0"] + data, environment: noDatabase,
            logFile: directory.appendingPathComponent("serve.log"))
        let url = try await process.listeningURL()
        #expect(process.log.contains("authentication is on"))
        let client = ["TASKFORGE_URL": url]
        let withToken = try await CommandLineRunner.run(
            ["submit", "echo", "--message", "hi"], environment: client.merging(["TASKFORGE_TOKEN": secret]) { $1 })
        #expect(withToken.status == 0, "\(withToken.stderr)")
        let withoutToken = try await CommandLineRunner.run(["jobs", "list"], environment: client)
        #expect(
            withoutToken.status != 0 && withoutToken.stderr.contains("authentication_required"),
            "\(withoutToken.stderr)")

        let revoked = try await CommandLineRunner.run(["token", "revoke", "ci"] + data, environment: noDatabase)
        #expect(revoked.status == 0 && revoked.stdout.contains("revoked token 'ci'"))
        let afterRevoke = try await RemoteServer(baseURL: url).request(
            "GET", "/v1/jobs", headers: ["Authorization": "Bearer \(secret)"])
        #expect(afterRevoke.status == 401)
        #expect(await process.terminate() == 0)
        #expect(!process.log.contains(secret), "the token never reaches the log")
    }

    @Test func aPublicBindWithoutTokensRefusesToStart() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("taskforge-token-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        let refused = try await CommandLineRunner.run(
            ["serve", "--host", "0.0.0.0", "--port", "0", "--data-dir", directory.path],
            environment: ["TASKFORGE_DATABASE_URL": ""])
        #expect(refused.status != 0)
        #expect(
            refused.stderr.contains("refusing to listen on 0.0.0.0")
                && refused.stderr.contains("taskforge token create"))
    }
}
