import Foundation
import TaskRuntime
import TaskforgeTestSupport
import Testing

/// `taskforge serve --no-compat <profile>` as users start it.
@Suite("Compat: serve --no-compat")
struct CompatServeTests {
    @Test func aProfileTurnedOffIsGoneAndAnUnknownOneIsRefused() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("taskforge-compat-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let data = directory.appendingPathComponent("data").path
        let refused = try await CommandLineRunner.run(
            ["serve", "--port", "0", "--data-dir", data, "--no-compat", "seed999"],
            environment: ["TASKFORGE_DATABASE_URL": ""])
        #expect(refused.status != 0)
        #expect(
            refused.stderr.contains(
                "no route profile named 'seed999'; the profiles are seed000, seed001, seed002, seed003"))

        let process = try BackgroundProcess(
            try CommandLineRunner.executable, ["serve", "--port", "0", "--data-dir", data, "--no-compat", "seed000"],
            environment: ["TASKFORGE_DATABASE_URL": ""], logFile: directory.appendingPathComponent("serve.log"))
        let server = RemoteServer(baseURL: try await process.listeningURL())
        let gone = try await server.request("POST", "/create_task", body: "{}")
        #expect(gone.status == 404 && gone.json["code"] == "route_not_found")
        let paths = try await server.request("GET", "/openapi.json").json["paths"]?.objectValue ?? [:]
        #expect(!paths.keys.contains("/create_task") && paths.keys.contains("/api/task/{task_id}"))
        let created = try await server.request(
            "POST", "/tasks", body: #"{"type":"echo","params":{"msg":"hello"},"timeout_seconds":300,"max_retries":0}"#)
        #expect(created.status == 200 && created.json["status"] == "PENDING")
        #expect(await process.terminate() == 0)
    }
}
