import Foundation
import Sentinel2
import TaskRuntime
import TaskforgeTestSupport
import Testing

/// The seed's route and example payload through real `taskforge` processes on PostgreSQL: `serve`,
/// a worker for stage data_processing and workers for stage model_prediction, one of them killed.
@Suite("AOD: a worker per stage")
struct StageWorkersTests {
    /// InstaGeo's example request (seed 001), unchanged.
    private static let seedPayload = """
        {"bboxes": [[116.0, 39.0, 116.5, 39.5], [-74.1, 40.6, -73.9, 40.8], [2.2, 48.8, 2.4, 49.0]],
         "model_type": "aod_estimation", "date": "2024-06-01", "chip_size": 256, "cloud_coverage": 15,
         "num_steps": 5, "data_source": "S2", "temporal_step": 10, "temporal_tolerance": 3}
        """

    @Test func eachStageRunsOnItsOwnWorkerAndACrashInTheSecondRepeatsOnlyIt() async throws {
        let postgres = try PostgresTestServer.fromEnvironment()
        let scenes = try SceneFolder()
        let boxes = [[116.0, 39.0, 116.5, 39.5], [-74.1, 40.6, -73.9, 40.8], [2.2, 48.8, 2.4, 49.0]].compactMap(
            GeoBoundingBox.init)
        let dates = (0..<5).map { SceneFolder.day("2024-06-01").addingTimeInterval(-Double($0) * 10 * 86_400) }
        try await scenes.write(
            SyntheticCatalogSpec(
                areas: boxes, dates: dates, pixelSize: 200, aod: .uniform(0.3), cloudFraction: 0.05, seed: 7))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("taskforge-aod-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let taskforge = try BuiltExecutable.named("taskforge")

        try await postgres.withDatabase { _, databaseURL in
            let environment = [
                "TASKFORGE_DATABASE_URL": databaseURL, "DATA_FOLDER": scenes.url.path,
                "TASKFORGE_ARTIFACTS_URL": directory.appendingPathComponent("artifacts").absoluteString,
            ]
            // Leases short enough that the killed worker's job comes back soon, long enough (renewed
            // every 0.5 s) that a loaded machine's pause does not take a live attempt's job away.
            func start(_ name: String, _ arguments: [String]) throws -> BackgroundProcess {
                try BackgroundProcess(
                    taskforge, arguments + ["--lease-seconds", "5", "--kill-grace", "0.5", "--no-schedules"],
                    environment: environment, logFile: directory.appendingPathComponent("\(name).log"))
            }
            func worker(_ name: String, queue: String) throws -> BackgroundProcess {
                try start(name, ["worker", "--queues", "\(queue)=1", "--no-migrate"])
            }
            let serve = try start("serve", ["serve", "--port", "0", "--queues", "default=1"])
            let server = RemoteServer(baseURL: try await serve.listeningURL())
            let chipper = try worker("data-processing", queue: "data_processing")

            let submitted = try await server.request("POST", "/api/run-model", body: Self.seedPayload)
            #expect(submitted.status == 202, "\(submitted.json)")
            let id = try #require(submitted.json["id"]?.stringValue)
            // With no model worker yet, the job waits between the stages on model_prediction's queue.
            let between = try await server.waitForJob(id, timeout: .seconds(300)) {
                $0["stage"] == "model_prediction" && $0["state"] == "pending"
            }
            #expect(
                between["stages"]?.arrayValue?.first?["state"] == "succeeded"
                    && between["stages"]?.arrayValue?.first?["attempts"] == 1)

            // Killed as soon as it logs the start of its attempt: stage 2 takes seconds (15 chips).
            let doomed = try worker("model-prediction-1", queue: "model_prediction")
            try await eventually("the model worker to start stage 2", timeout: .seconds(120)) {
                doomed.log.split(separator: "\n").contains { $0.contains(id) && $0.contains("attempt started") }
            }
            doomed.kill9()
            let model = try worker("model-prediction-2", queue: "model_prediction")
            let finished = try await server.waitUntilFinished(id, timeout: .seconds(600))
            #expect(finished["state"] == "succeeded", "\(finished["error"] ?? .null)")

            // Stage 1 ran once; stage 2 ran again after the crash and used stage 1's chips.
            #expect(
                finished["stages"]?.arrayValue?.first?["attempts"] == 1 && finished["attempt"] == 2,
                "\(finished["stages"] ?? .null)")
            let output = try #require(finished["output"])
            let chips = try #require(output["chips"]?.arrayValue)
            let names = try #require(finished["artifacts"]?.arrayValue).compactMap { $0["name"]?.stringValue }
            #expect(!chips.isEmpty && names.filter { $0.hasPrefix("chip-") }.count == chips.count)
            let results = try #require(output["results"]?.arrayValue)
            #expect(
                results.count == 15 && results.allSatisfy { $0["status"] == "ok" },
                "\(results.map { $0["status"] ?? .null })")
            for result in results {
                let mean = try #require(result["aod"]?["mean"]?.doubleValue)
                #expect(abs(mean - 0.3) < 0.08, "\(result)")
            }
            // Each worker ran only its own stage of the job.
            let jobLines = { (process: BackgroundProcess) in
                process.log.split(separator: "\n").filter { $0.contains(id) }
            }
            #expect(jobLines(chipper).contains { $0.contains(#""stage":"data_processing""#) })
            #expect(!jobLines(chipper).contains { $0.contains(#""stage":"model_prediction""#) })
            #expect(jobLines(model).contains { $0.contains(#""stage":"model_prediction""#) })
            #expect(!jobLines(model).contains { $0.contains(#""stage":"data_processing""#) })
            #expect(await serve.terminate() == 0)
        }
    }
}
