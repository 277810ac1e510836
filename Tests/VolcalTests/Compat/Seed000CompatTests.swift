import Foundation
import TaskRuntime
import TaskforgeTestSupport
import Testing

@testable import Tasks

/// Seed 000's example workflow (../shared/seeds/000: "Example Workflow"), step by step, with an
/// independent tus client (tuspy, as in TusInteropTests) uploading to the URLs `/create_task` answered.
@Suite("Compat: seed 000 volcal orchestrator")
struct Seed000CompatTests {
    /// Uploads each `name=path` of argv[2:] to the URL of that name in the JSON object argv[1].
    static let uploader = """
        import json, sys
        from tusclient import client

        urls = json.loads(sys.argv[1])
        for pair in sys.argv[2:]:
            name, path = pair.split("=", 1)
            uploader = client.TusClient(urls[name]).uploader(path, chunk_size=1 << 20, metadata={"filename": name})
            uploader.upload()
        print("uploaded")
        """

    @Test func theExampleWorkflowRunsWithATusClient() async throws {
        let check = try await ProcessRunner.run(
            URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", "import tusclient"])
        guard check.status == 0 else {
            throw TestFailure(
                "the Python package 'tuspy' is not installed: run scripts/test, which installs it (\(check.stderr))")
        }
        // The files live as long as `dem`: till the end of the test.
        let dem = try TestDEM()
        defer { withExtendedLifetime(dem) {} }
        let (pre, post, shapefile) = try dem.pitAndMoundUploads()
        let catalog = TaskCatalog(GeneratedTasks.catalog.entries.filter { $0.definition.name == "volcal" })
        try await TestServer.with(
            catalog: catalog, openAPIDocument: GeneratedTasks.openAPIDocument, maxArtifactBytes: 64 << 20,
            waitingExpiry: .seconds(3600), profiles: GeneratedTasks.routeProfiles, transport: .loopback
        ) { server in
            // 1. Call /create_task to obtain the upload URLs and task_id.
            let created = try await server.request("POST", "/create_task", contentType: nil)
            #expect(created.status == 200 && created.json["status"] == "waiting")
            let id = try #require(created.json["task_id"]?.stringValue)
            let urls = try #require(created.json["upload_urls"]?.objectValue)
            #expect(urls.keys.sorted() == ["post", "pre", "shp", "shx"])
            #expect(created.json["optional_upload_urls"]?.objectValue?.keys.sorted() == ["dbf", "prj"])
            #expect(urls["pre"]?.stringValue?.hasPrefix(server.baseURL + "/v1/jobs/\(id)/files/") == true)
            // Starting too early lists what is missing.
            let early = try await server.request("POST", "/start_task/\(id)")
            #expect(early.status == 409 && early.json["code"] == "files_missing")
            #expect(early.json["missing"] == ["pre", "post", "shp", "shx"])
            #expect(
                try await server.request("GET", "/query_task/\(id)").json["missing_files"] == [
                    "pre", "post", "shp", "shx",
                ])
            // 2. Upload each file to its URL using any TUS client.
            let uploaded = try await ProcessRunner.run(
                URL(fileURLWithPath: "/usr/bin/env"),
                [
                    "python3", "-c", Self.uploader, JSONValue.object(urls).canonicalString(), "pre=\(pre.path)",
                    "post=\(post.path)", "shp=\(shapefile.shp.path)", "shx=\(shapefile.shx.path)",
                ])
            #expect(uploaded.status == 0, "\(uploaded.stderr)")
            // 3. Once all uploads complete, call /start_task/{task_id} (the last upload started it already).
            let started = try await server.request("POST", "/start_task/\(id)")
            #expect(
                started.status == 200
                    && ["pending", "running", "done"].contains(started.json["status"]?.stringValue ?? ""))
            // 4. Poll /query_task/{task_id} until the status becomes done.
            let done = try await server.waitFor("/query_task/\(id)") {
                ["done", "error", "killed"].contains($0["status"]?.stringValue ?? "")
            }
            #expect(done["status"] == "done", "\(done)")
            let results = try #require(done["results"])
            #expect(results["cut_m3"] == 400 && results["fill_m3"] == 600)
            // 5. Download result images using the provided URLs.
            let images = try #require(results["images"]?.arrayValue)
            #expect(images.compactMap { $0["name"]?.stringValue } == ["difference.tif", "heatmap.png", "report.json"])
            let heatmap = try #require(images.first { $0["name"] == "heatmap.png" }?["url"]?.stringValue)
            #expect(heatmap.hasPrefix(server.baseURL + "/v1/artifacts/"))
            let png = try await server.download(String(heatmap.dropFirst(server.baseURL.count)))
            #expect(png.status == 200 && png.body.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        }
    }
}
