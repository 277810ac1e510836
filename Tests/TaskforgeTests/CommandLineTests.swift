import Foundation
import TaskRuntime
import TaskforgeTestSupport
import Tasks
import Testing

/// The generated `taskforge submit` commands and `taskforge jobs`, against a live server.
@Suite("Command line")
struct CommandLineTests {
    @Test func submitWaitPrintsTheOutputAndSucceeds() async throws {
        try await TestServer.with(
            catalog: GeneratedTasks.catalog, openAPIDocument: GeneratedTasks.openAPIDocument, transport: .loopback
        ) {
            server in
            let result = try await CommandLineRunner.run([
                "submit", "echo", "--message", "hi from the CLI", "--wait", "--server", server.baseURL,
            ])
            #expect(result.status == 0, "\(result.stderr)")
            let output = try JSONValue(json: Data(result.stdout.utf8))
            #expect(output == ["message": "hi from the CLI"])
            #expect(result.stderr.contains("succeeded"), "plain progress lines when not a terminal: \(result.stderr)")
        }
    }

    @Test func invalidFlagsAreRefusedBeforeAnythingIsSent() async throws {
        try await TestServer.with(
            catalog: GeneratedTasks.catalog, openAPIDocument: GeneratedTasks.openAPIDocument, transport: .loopback
        ) {
            server in
            let result = try await CommandLineRunner.run([
                "submit", "sleep", "--seconds", "5000", "--server", server.baseURL,
            ])
            #expect(result.status != 0)
            #expect(result.stderr.contains("--seconds: must be at most 3600"), "\(result.stderr)")
            let missing = try await CommandLineRunner.run(["submit", "echo", "--server", server.baseURL])
            #expect(missing.status != 0)
            #expect(missing.stderr.contains("--message"), "\(missing.stderr)")
            let notANumber = try await CommandLineRunner.run([
                "submit", "sleep", "--seconds", "soon", "--server", server.baseURL,
            ])
            #expect(notANumber.status != 0)
            #expect(try await server.request("GET", "/v1/jobs").json["jobs"] == [])
        }
    }

    @Test func aFailedJobExitsWithOne() async throws {
        try await TestServer.with(
            catalog: GeneratedTasks.catalog, openAPIDocument: GeneratedTasks.openAPIDocument,
            maxRuntime: .milliseconds(200), transport: .loopback
        ) { server in
            let result = try await CommandLineRunner.run([
                "submit", "sleep", "--seconds", "30", "--wait", "--server", server.baseURL,
            ])
            #expect(result.status == 1)
            #expect(result.stderr.contains("task_runtime_exceeded"), "\(result.stderr)")
        }
    }

    @Test func inputJSONAndFlagsCombine() async throws {
        try await TestServer.with(
            catalog: GeneratedTasks.catalog, openAPIDocument: GeneratedTasks.openAPIDocument, transport: .loopback
        ) {
            server in
            let result = try await CommandLineRunner.run([
                "submit", "echo", "--input-json", #"{"message": "from json"}"#, "--json", "--server", server.baseURL,
            ])
            #expect(result.status == 0, "\(result.stderr)")
            let job = try JSONValue(json: Data(result.stdout.utf8))
            #expect(job["input"] == ["message": "from json"])
            #expect(job["state"] == "pending")
        }
    }

    @Test func submitOptionsReachTheServer() async throws {
        try await TestServer.with(
            catalog: GeneratedTasks.catalog, openAPIDocument: GeneratedTasks.openAPIDocument, transport: .loopback
        ) {
            server in
            let result = try await CommandLineRunner.run([
                "submit", "echo", "--message", "later", "--priority", "7", "--delay", "1h", "--json", "--server",
                server.baseURL,
            ])
            #expect(result.status == 0, "\(result.stderr)")
            let job = try JSONValue(json: Data(result.stdout.utf8))
            #expect(job["priority"] == 7)
            #expect(job["state"] == "pending")
            let both = try await CommandLineRunner.run([
                "submit", "echo", "--message", "x", "--delay", "1m", "--run-at", "2099-01-31T09:30:00Z", "--server",
                server.baseURL,
            ])
            #expect(both.status != 0 && both.stderr.contains("exclude each other"), "\(both.stderr)")
            let badDelay = try await CommandLineRunner.run([
                "submit", "echo", "--message", "x", "--delay", "soon", "--server", server.baseURL,
            ])
            #expect(badDelay.status != 0 && badDelay.stderr.contains("invalid_parameter"), "\(badDelay.stderr)")
        }
    }

    @Test func jobsCommandsShowListAndCancel() async throws {
        try await TestServer.with(
            catalog: GeneratedTasks.catalog, openAPIDocument: GeneratedTasks.openAPIDocument, transport: .loopback
        ) {
            server in
            let id = try #require(try await server.submit("sleep", ["seconds": 600]).json["id"]?.stringValue)
            try await server.waitForJob(id) { $0["state"] == "running" }
            let list = try await CommandLineRunner.run(["jobs", "list", "--server", server.baseURL])
            #expect(list.stdout.contains(id) && list.stdout.contains("sleep v1, running"), "\(list.stdout)")
            let cancel = try await CommandLineRunner.run(
                ["jobs", "cancel", id], environment: ["TASKFORGE_URL": server.baseURL])
            #expect(cancel.status == 0)
            #expect(cancel.stdout.contains("cancellation requested"))
            let finished = try await server.waitUntilFinished(id)
            #expect(finished["state"] == "cancelled")
            let get = try await CommandLineRunner.run(["jobs", "get", id, "--server", server.baseURL])
            #expect(try JSONValue(json: Data(get.stdout.utf8))["state"] == "cancelled")
            let missing = try await CommandLineRunner.run([
                "jobs", "get", UUID().uuidString, "--server", server.baseURL,
            ])
            #expect(missing.status != 0 && missing.stderr.contains("job_not_found"))
        }
    }

    @Test func helpDescribesEachField() async throws {
        let result = try await CommandLineRunner.run(["submit", "sleep", "--help"])
        let help = result.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(help.contains("How long to sleep, in seconds. (required; number, 0...3600)"), "\(help)")
        #expect(help.contains("Task version 1, queue 'default', timeout 1h."))
        #expect(result.stdout.contains("--wait"))
        let tasks = try await CommandLineRunner.run(["submit", "--help"])
        #expect(tasks.stdout.contains("echo") && tasks.stdout.contains("Sleep for a while, reporting progress."))
    }
}
