import Foundation
import TaskRuntime
import TaskStoreSQLite
import TaskforgeTestSupport
import Testing

/// `taskforge worker --metrics-port`: a worker scaled apart from the API serves its own metrics.
@Suite("taskforge worker metrics")
struct WorkerMetricsTests {
    @Test func aWorkerServesTheMetricsOfTheJobsItRan() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("taskforge-worker-\(UUID())")
        let data = directory.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let process = try BackgroundProcess(
            try CommandLineRunner.executable,
            ["worker", "--metrics-port", "0", "--data-dir", data.path, "--isolation", "in-process"],
            environment: ["TASKFORGE_DATABASE_URL": ""], logFile: directory.appendingPathComponent("worker.log"))
        let metricsURL = try await eventually("the worker to serve its metrics", timeout: .seconds(120)) {
            process.log.split(separator: "\n").lazy.compactMap { line -> String? in
                guard line.contains("serving metrics"), let object = try? JSONValue(json: Data(line.utf8)) else {
                    return nil
                }
                return object["url"]?.stringValue
            }.first
        }
        // The worker migrated the store as it started; queue a job beside it, as a server would.
        let store = try await SQLiteJobStore.open(
            path: data.appendingPathComponent("taskforge.sqlite").path, logger: .init(label: "test"))
        _ = try await store.enqueue([
            NewJob(task: "echo", version: 1, queue: "default", input: ["message": "hi"], maxAttempts: 1)
        ])
        try await store.close()

        let endpoint = RemoteServer(baseURL: String(metricsURL.dropLast("/metrics".count)))
        let samples = try await eventually("the finished job in the worker's metrics", timeout: .seconds(30)) {
            let reply = try await endpoint.download("/metrics")
            let samples = try MetricsTests.parse(String(decoding: reply.body, as: UTF8.self))
            return samples.contains { $0.name == "taskforge_jobs_finished_total" } ? samples : nil
        }
        #expect(
            samples.contains {
                $0
                    == .init(
                        name: "taskforge_jobs_finished_total",
                        labels: ["task": "echo", "version": "1", "outcome": "succeeded"], value: 1)
            })
        #expect(
            samples.contains {
                $0.name == "taskforge_pickup_latency_seconds_count" && $0.labels == ["queue": "default"]
            })
        #expect(await process.terminate() == 0)
    }
}
