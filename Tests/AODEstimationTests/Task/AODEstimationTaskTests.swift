import Foundation
import Sentinel2
import TaskRuntime
import TaskforgeTestSupport
import Testing

@testable import Tasks

/// `aod_estimation` through the API on synthetic catalogs of known aerosol: both stages in one
/// in-process worker, SQLite, local artifacts.
@Suite("AOD: the task")
struct AODEstimationTaskTests {
    private static let june1 = SceneFolder.day("2024-06-01")

    @Test func retrievesKnownAerosolWithinTheTarget() async throws {
        let truths = [0.05, 0.1, 0.2, 0.35, 0.5, 0.75, 1.0]
        let folder = try SceneFolder()
        let boxes = truths.indices.map { SceneFolder.box(10 + Double($0) * 0.5, 45, size: 0.06) }
        for (box, truth) in zip(boxes, truths) {
            try await folder.write(
                SyntheticCatalogSpec(areas: [box], dates: [Self.june1], aod: .uniform(truth), seed: 11))
        }
        try await TestServer.with(catalog: folder.catalog, openAPIDocument: "{}", maxArtifactBytes: 64 << 20) {
            server in
            let submitted = try await server.submit(
                "aod_estimation",
                [
                    "bboxes": .array(boxes.map { .array($0.array.map(JSONValue.number)) }), "date": "2024-06-01",
                    "chip_size": 128,
                ])
            let id = try #require(submitted.json["id"]?.stringValue, "\(submitted.json)")
            let finished = try await server.waitUntilFinished(id, timeout: .seconds(600))
            #expect(finished["state"] == "succeeded", "\(finished["error"] ?? .null)")
            let results = try #require(finished["output"]?["results"]?.arrayValue)
            #expect(results.count == truths.count)
            var table = [
                "| true AOD | retrieved mean | median | error | L2A AOT mean | valid fraction |",
                "|---|---|---|---|---|---|",
            ]
            for (result, truth) in zip(results, truths) {
                #expect(result["status"] == "ok")
                let mean = try #require(result["aod"]?["mean"]?.doubleValue)
                let median = try #require(result["aod"]?["median"]?.doubleValue)
                let aot = try #require(result["l2a_aot"]?["mean"]?.doubleValue)
                let valid = try #require(result["aod"]?["valid_fraction"]?.doubleValue)
                #expect(abs(mean - truth) < 0.05 + 0.1 * truth, "true \(truth), retrieved \(mean)")
                #expect(abs(aot - truth) < 0.001)
                #expect(valid > 0.3 && valid < 1)
                let difference = try #require(result["difference"]?["mean"]?.doubleValue)
                #expect(abs(difference - (mean - aot)) < 0.02)
                table.append(
                    String(
                        format: "| %.2f | %.4f | %.4f | %+.4f | %.3f | %.2f |", truth, mean, median, mean - truth, aot,
                        valid))
            }
            print(table.joined(separator: "\n"))
            let chips = try #require(finished["output"]?["chips"]?.arrayValue)
            // The scenes carry no WVP band: every chip says it assumed the standard water vapour.
            for chip in chips {
                #expect(chip["retrieval"]?["water_vapour_source"] == "standard", "\(chip)")
                #expect(chip["retrieval"]?["water_vapour"]?.doubleValue == 1.42)
                #expect(chip["retrieval"]?["aerosol_model"] == "continental")
                #expect(chip["retrieval"]?["beyond_table"]?.doubleValue == 0)
                #expect(chip["retrieval"]?["clamped_axes"] == .array([]))
            }
            let artifacts = try #require(finished["artifacts"]?.arrayValue).compactMap { $0["name"]?.stringValue }
            #expect(artifacts.filter { $0.hasPrefix("chip-") }.count == chips.count)
            #expect(artifacts.filter { $0.hasPrefix("aod-") && $0.hasSuffix(".png") }.count == chips.count)
            #expect(artifacts.contains("chips.csv"))
        }
    }

    @Test func eachStepTakesTheLeastCloudySceneWithinToleranceAndReportsTheMissingOne() async throws {
        let folder = try SceneFolder()
        let box = SceneFolder.box(10, 45, size: 0.04)
        // Step 0 wants 2024-06-01, step 1 2024-05-22 (+-3 days), step 2 2024-05-12: nothing near it.
        let days = ["2024-06-01", "2024-05-20", "2024-05-23"].map(SceneFolder.day)
        let scenes = try await folder.write(
            SyntheticCatalogSpec(
                areas: [box], dates: days, aod: .uniform(0.2), seed: 5, cloudFractions: [0.02, 0.04, 0.6]))
        try await TestServer.with(catalog: folder.catalog, openAPIDocument: "{}", maxArtifactBytes: 64 << 20) {
            server in
            let input: JSONValue = [
                "bboxes": [.array(box.array.map(JSONValue.number))], "date": "2024-06-01", "num_steps": 3,
                "temporal_step": 10,
                "temporal_tolerance": 3, "cloud_coverage": 15, "chip_size": 128,
            ]
            let id = try #require(try await server.submit("aod_estimation", input).json["id"]?.stringValue)
            let finished = try await server.waitUntilFinished(id, timeout: .seconds(300))
            #expect(finished["state"] == "succeeded", "\(finished["error"] ?? .null)")
            let results = try #require(finished["output"]?["results"]?.arrayValue)
            #expect(
                results.compactMap { $0["target_date"]?.stringValue } == ["2024-06-01", "2024-05-22", "2024-05-12"])
            #expect(results.compactMap { $0["status"]?.stringValue } == ["ok", "ok", "no_scene"])
            #expect(results[0]["scene_id"]?.stringValue == scenes[0].id)
            // 2024-05-23 is closer but above the cloud limit.
            #expect(results[1]["scene_id"]?.stringValue == scenes[1].id)
            #expect(results[2]["reason"]?.stringValue?.contains("2024-05-12") == true, "\(results[2])")
        }
    }

    @Test func aBoxWithoutAnySceneFailsTheJobListingTheDaysSearched() async throws {
        let folder = try SceneFolder()
        let box = SceneFolder.box(10, 45, size: 0.04)
        try await folder.write(
            SyntheticCatalogSpec(areas: [box], dates: [SceneFolder.day("2024-01-10")], aod: .uniform(0.2), seed: 5))
        try await TestServer.with(catalog: folder.catalog, openAPIDocument: "{}") { server in
            let input: JSONValue = [
                "bboxes": [.array(box.array.map(JSONValue.number))], "date": "2024-06-01", "num_steps": 2,
                "temporal_step": 10,
            ]
            let id = try #require(try await server.submit("aod_estimation", input).json["id"]?.stringValue)
            let finished = try await server.waitUntilFinished(id, timeout: .seconds(120))
            #expect(finished["state"] == "failed")
            #expect(finished["error"]?["code"] == "no_scene_found")
            #expect(finished["error"]?["details"]?["dates_searched"] == ["2024-06-01", "2024-05-22"])
            #expect(finished["stage"] == "data_processing")
        }
    }

    @Test func theSeedRouteRefusesABrokenBoxPointingAtIt() async throws {
        let folder = try SceneFolder()
        try await TestServer.with(catalog: folder.catalog, openAPIDocument: "{}") { server in
            let body =
                #"{"bboxes": [[116.0, 39.0, 116.5, 39.5], [2.4, 48.8, 2.2, 49.0]], "model_type": "aod_estimation", "date": "2024-06-01"}"#
            let reply = try await server.request("POST", "/api/run-model", body: body)
            #expect(reply.status == 422)
            #expect(reply.json["violations"]?.arrayValue?.first?["pointer"] == "/bboxes/1", "\(reply.json)")
            let unknown = try await server.request(
                "POST", "/api/run-model", body: #"{"bboxes": [[1, 2, 3, 4]], "date": "2024-06-01", "colour": 1}"#)
            #expect(unknown.status == 422 && unknown.json["violations"]?.arrayValue?.first?["pointer"] == "/colour")
        }
    }
}
