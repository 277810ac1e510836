import Foundation
import TaskRuntime
import TaskforgeTestSupport
import Testing

/// `taskforge serve` as users start it: the embedded SQLite store, handlers in supervised handler
/// processes, JSON logs, a clean exit on SIGTERM.
@Suite("taskforge serve")
struct ServeCommandTests {
    @Test func servesJobsThroughHandlerProcessesAndStopsCleanly() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("taskforge-serve-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let process = try BackgroundProcess(
            try CommandLineRunner.executable,
            ["serve", "--port", "0", "--data-dir", directory.appendingPathComponent("data").path, "--kill-grace", "1"],
            environment: ["TASKFORGE_DATABASE_URL": ""], logFile: directory.appendingPathComponent("serve.log"))
        let server = RemoteServer(baseURL: try await process.listeningURL())

        let echo = try #require(
            try await server.submit("echo", ["message": "through a handler process"]).json["id"]?.stringValue)
        let echoed = try await server.waitUntilFinished(echo)
        #expect(echoed["state"] == "succeeded", "\(echoed)")
        #expect(echoed["output"] == ["message": "through a handler process"])

        let sleep = try #require(try await server.submit("sleep", ["seconds": 600]).json["id"]?.stringValue)
        try await server.waitForJob(sleep) { $0["state"] == "running" }
        #expect(try await server.request("POST", "/v1/jobs/\(sleep)/cancel").status == 202)
        #expect(try await server.waitUntilFinished(sleep)["state"] == "cancelled")

        #expect(await process.terminate() == 0)
        let handlerLines = process.log.split(separator: "\n").filter { $0.contains("\"jobId\":\"\(echo)\"") }
        #expect(!handlerLines.isEmpty, "the log carries the job's id: \(process.log)")
    }

    /// `serve --workers 0` answers the API and runs no job; a `taskforge worker` on the same store runs them.
    @Test func anAPIOnlyServerLeavesJobsToWorkerProcesses() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("taskforge-api-only-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let data = directory.appendingPathComponent("data").path
        let environment = ["TASKFORGE_DATABASE_URL": ""]
        let serve = try BackgroundProcess(
            try CommandLineRunner.executable, ["serve", "--port", "0", "--data-dir", data, "--workers", "0"],
            environment: environment, logFile: directory.appendingPathComponent("serve.log"))
        let server = RemoteServer(baseURL: try await serve.listeningURL())
        #expect(serve.log.contains("serving the API only"))

        let id = try #require(try await server.submit("echo", ["message": "for a worker"]).json["id"]?.stringValue)
        // No process serves the queue, so the job is still pending however long one waited.
        let queues = try await server.request("GET", "/v1/queues").json["queues"]?.arrayValue ?? []
        #expect(queues.first { $0["name"] == "default" }?["workers"] == 0)
        #expect(try await server.job(id)["state"] == "pending")

        let worker = try BackgroundProcess(
            try CommandLineRunner.executable, ["worker", "--data-dir", data, "--isolation", "in-process"],
            environment: environment, logFile: directory.appendingPathComponent("worker.log"))
        let finished = try await server.waitUntilFinished(id)
        #expect(finished["state"] == "succeeded" && finished["output"] == ["message": "for a worker"], "\(finished)")
        #expect(await worker.terminate() == 0)
        #expect(await serve.terminate() == 0)
    }

    @Test func workersZeroIsForAnAPIServerOnly() async throws {
        let refusals = [
            (["worker", "--workers", "0"], "--workers must be at least 1 for a worker"),
            (
                ["serve", "--workers", "0", "--queues", "default=2"],
                "--workers 0 runs no worker, so it takes no --queues"
            ),
            (["serve", "--workers=-1"], "--workers must not be negative"),
        ]
        for (arguments, message) in refusals {
            let result = try await CommandLineRunner.run(arguments)
            #expect(result.status != 0, "\(arguments)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
    }
}
