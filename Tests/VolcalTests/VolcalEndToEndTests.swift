import Foundation
import TaskRuntime
import TaskforgeTestSupport
import Testing

@testable import Tasks

/// `volcal` through the API: a job created waiting for its four files, each uploaded over tus to
/// its upload URL, starts by itself, measures the pit and the mound exactly, and its heatmap is
/// downloaded through its link.
@Suite("Volcal: end to end")
struct VolcalEndToEndTests {
    @Test func fourUploadsStartTheJobAndItsHeatmapDownloads() async throws {
        // The files live as long as `dem`: till the end of the test.
        let dem = try TestDEM()
        defer { withExtendedLifetime(dem) {} }
        let (pre, post, shapefile) = try dem.pitAndMoundUploads()
        let catalog = TaskCatalog(GeneratedTasks.catalog.entries.filter { $0.definition.name == "volcal" })
        try await TestServer.with(
            catalog: catalog, openAPIDocument: "{}", maxArtifactBytes: 64 << 20, waitingExpiry: .seconds(3600)
        ) {
            server in
            let submitted = try await server.submit("volcal", ["tolerance_m": 0])
            #expect(submitted.status == 202 && submitted.json["state"] == "waiting")
            let id = try #require(submitted.json["id"]?.stringValue)
            let uploads = try #require(submitted.json["files"]?.arrayValue)
            #expect(uploads.compactMap { $0["name"]?.stringValue } == ["pre", "post", "shp", "shx", "dbf", "prj"])
            for (name, url) in [("pre", pre), ("post", post), ("shp", shapefile.shp), ("shx", shapefile.shx)] {
                #expect(try await server.job(id)["state"] == "waiting", "the job started before '\(name)' arrived")
                let bytes = try Data(contentsOf: url)
                let creation = try #require(
                    uploads.first { $0["name"]?.stringValue == name }?["upload_url"]?.stringValue)
                let created = try await server.createUpload(
                    length: Int64(bytes.count), metadata: ["filename": url.lastPathComponent], path: creation)
                let location = try #require(created.headers["location"])
                #expect(try await server.patchUpload(location, offset: 0, bytes).status == 204)
            }
            let finished = try await server.waitUntilFinished(id, timeout: .seconds(120))
            #expect(finished["state"] == "succeeded", "\(finished["error"] ?? .null)")
            // The calculation's steps are the job's stage as it runs: each change the progress throttle
            // wrote is in its event log, in order, and the last one, written when the attempt closes at
            // the latest, is where the job ended.
            #expect(finished["stage"] == "rendering")
            let steps = ["reading", "aligning", "masking", "computing", "rendering"]
            let logged = (try await server.request("GET", "/v1/jobs/\(id)/events").json["events"]?.arrayValue ?? [])
                .compactMap { $0["stage"]?.stringValue }
            let order = logged.compactMap { steps.firstIndex(of: $0) }
            #expect(order.count == logged.count && order == order.sorted() && logged.last == "rendering", "\(logged)")
            let output = try #require(finished["output"])
            #expect(output["cut_m3"] == 400 && output["fill_m3"] == 600 && output["polygon_area_m2"] == 8100)
            #expect(output["polygon_crs_assumed"] == true)
            let artifacts = try #require(finished["artifacts"]?.arrayValue)
            #expect(
                artifacts.compactMap { $0["name"]?.stringValue } == ["difference.tif", "heatmap.png", "report.json"])
            let heatmap = try #require(artifacts.first { $0["name"] == "heatmap.png" }?["links"]?["self"]?.stringValue)
            let png = try await server.download(heatmap)
            #expect(png.status == 200 && png.body.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        }
    }
}
