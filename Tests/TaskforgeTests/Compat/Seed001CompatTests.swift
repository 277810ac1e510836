import Foundation
import TaskRuntime
import TaskforgeTestSupport
import Tasks
import Testing

/// Seed 001's endpoints, with its documented request (../shared/seeds/001: "Create Task") verbatim.
/// No scene catalog is served here, so the task ends `failed` (`no_scene_found`) after its stages
/// ran: the statuses and shapes are what is checked; the AOD itself is tested in AODEstimationTests.
@Suite("Compat: seed 001 InstaGeo")
struct Seed001CompatTests {
    static let request = """
        {
          "bboxes": [
            [116.0, 39.0, 116.5, 39.5],
            [-74.1, 40.6, -73.9, 40.8],
            [2.2, 48.8, 2.4, 49.0]
          ],
          "model_type": "aod_estimation",
          "date": "2024-06-01",
          "chip_size": 256,
          "cloud_coverage": 15,
          "num_steps": 5,
          "data_source": "S2",
          "temporal_step": 10,
          "temporal_tolerance": 3
        }
        """

    @Test func aTaskIsFollowedThroughTheSeedsEndpoints() async throws {
        try await CompatServer.with { server in
            let created = try await server.request("POST", "/api/run-model", body: Self.request)
            #expect(created.status == 202)
            let id = try #require(created.json["id"]?.stringValue)
            let first = try await server.request("GET", "/api/task/\(id)")
            #expect(first.status == 200)
            #expect(
                ["data_processing", "model_prediction", "completed", "failed"].contains(
                    first.json["status"]?.stringValue ?? ""))
            #expect(first.json["bboxes_count"] == 3 && first.json["model_type"] == "aod_estimation")
            #expect(first.json["stages"]?["data_processing"]?["status"]?.stringValue != nil)
            #expect(first.json["stages"]?["model_prediction"]?["status"]?.stringValue != nil)
            let finished = try await CompatServer.waitForStatus(server, "/api/task/\(id)", in: ["completed", "failed"])
            #expect(finished["status"] == "failed" && finished["error"]?["code"] == "no_scene_found")
            #expect(finished["stages"]?["data_processing"]?["status"] == "failed")
            let tasks = try await server.request("GET", "/api/tasks")
            #expect(tasks.status == 200 && tasks.json["total"] == 1)
            let listed = try #require(tasks.json["tasks"]?.arrayValue?.first)
            #expect(
                listed["task_id"] == .string(id) && listed["bboxes_count"] == 3
                    && listed["created_at"]?.stringValue != nil)
            #expect(listed["status"] == "failed" && listed["model_type"] == "aod_estimation")
            let health = try await server.request("GET", "/api/health")
            #expect(health.status == 200 && health.json["status"] == "healthy")
            let queues = try await server.request("GET", "/api/queues/status")
            #expect(queues.status == 200)
            for name in ["data_processing", "model_prediction"] {
                let queue = try #require(queues.json["queues"]?[name], "\(queues.json)")
                #expect(
                    queue["queued"]?.doubleValue != nil && queue["started"]?.doubleValue != nil
                        && (queue["workers"]?.doubleValue ?? 0) >= 1)
            }
            // A job of another task is not an InstaGeo task.
            let echo = try await server.submit("echo", ["message": "hi"])
            let echoID = try #require(echo.json["id"]?.stringValue)
            #expect(try await server.request("GET", "/api/task/\(echoID)").json["code"] == "job_not_found")
        }
    }
}
