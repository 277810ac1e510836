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

        let echo = try #require(try await server.submit("echo", ["message": "through a handler process"]).json["id"]?.stringValue)
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
}
