import Foundation
import GeoKit
import TaskRuntime
import TaskforgeTestSupport
import Testing

@testable import Tasks

/// A job with optional files waits for those its client announced (`files=prj`): the `.prj` of a
/// polygon drawn in another CRS than the rasters arrives before the job starts, so the polygon is
/// reprojected instead of read in the rasters' CRS (where it would not overlap them). Shown over the
/// API with the tests' tus requests, with an independent tus client (tuspy) and with the CLI, which
/// announces every optional file it was given.
@Suite("Volcal: announced optional files")
struct VolcalOptionalFileTests {
    @Test func anAnnouncedPrjIsAwaitedAndReprojectsThePolygon() async throws {
        let scene = try Scene()
        try await scene.withServer { server in
            let submitted = try await server.request(
                "POST", "/v1/tasks/volcal?files=prj", body: #"{"tolerance_m": 0}"#)
            #expect(submitted.status == 202 && submitted.json["state"] == "waiting")
            let id = try #require(submitted.json["id"]?.stringValue)
            let files = try #require(submitted.json["files"]?.arrayValue)
            let prj = try #require(files.first { $0["name"] == "prj" })
            #expect(prj["required"] == true && prj["announced"] == true)
            #expect(files.first { $0["name"] == "dbf" }?["announced"] == false)
            #expect(files.first { $0["name"] == "pre" }?["announced"] == false)

            for name in ["pre", "post", "shp", "shx"] {
                try await server.uploadFile(try #require(scene.files[name]), of: files, named: name)
            }
            // Every required file is complete, yet the job waits for the announced one.
            let waiting = try await server.job(id)
            #expect(waiting["state"] == "waiting")
            #expect(waiting["files"]?.arrayValue?.filter { $0["state"] == "complete" }.count == 4)
            let early = try await server.request("POST", "/v1/jobs/\(id)/start")
            #expect(early.status == 409 && early.json["missing"] == ["prj"])

            try await server.uploadFile(try #require(scene.files["prj"]), of: files, named: "prj")
            scene.expectExactVolumes(try await server.waitUntilFinished(id, timeout: .seconds(120)))
        }
    }

    @Test func announcementsNameDeclaredFilesOnly() async throws {
        let scene = try Scene()
        try await scene.withServer { server in
            let unknown = try await server.request("POST", "/v1/tasks/volcal?files=prj,kml", body: "{}")
            #expect(unknown.status == 400 && unknown.json["code"] == "invalid_parameter")
            #expect(unknown.json["parameter"] == "files")
            #expect(unknown.json["detail"]?.stringValue?.contains("'kml'") == true)
            let twice = try await server.request("POST", "/v1/tasks/volcal?files=prj,prj", body: "{}")
            #expect(twice.status == 400 && twice.json["parameter"] == "files")
            // Announcing a required file changes nothing; an empty announcement is none.
            for query in ["files=pre", "files="] {
                let accepted = try await server.request("POST", "/v1/tasks/volcal?\(query)", body: "{}")
                #expect(accepted.status == 202, "\(query)")
                let announced = accepted.json["files"]?.arrayValue?.filter { $0["announced"] == true } ?? []
                #expect(announced.isEmpty, "\(query)")
            }
        }
    }

    /// tuspy, the Python client tus.io lists (installed by `scripts/test`), uploads every file to its
    /// `upload_url`, the `.prj` last: the job still starts only with it.
    @Test func anIndependentTusClientUploadsTheAnnouncedFileLast() async throws {
        let check = try await ProcessRunner.run(
            URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", "import tusclient"])
        guard check.status == 0 else {
            throw TestFailure(
                "the Python package 'tuspy' is not installed: run scripts/test, which installs it (\(check.stderr))")
        }
        let scene = try Scene()
        try await scene.withServer { server in
            let submitted = try await server.request("POST", "/v1/tasks/volcal?files=prj", body: #"{"tolerance_m": 0}"#)
            let id = try #require(submitted.json["id"]?.stringValue)
            let files = try #require(submitted.json["files"]?.arrayValue)
            var arguments = ["python3", "-c", Self.tuspyScript]
            for name in ["pre", "post", "shp", "shx", "prj"] {
                let creation = try #require(files.first { $0["name"]?.stringValue == name }?["upload_url"]?.stringValue)
                arguments += [server.baseURL + creation, try #require(scene.files[name]).path]
            }
            let result = try await ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), arguments)
            #expect(result.status == 0, "\(result.stderr)")
            scene.expectExactVolumes(try await server.waitUntilFinished(id, timeout: .seconds(120)))
        }
    }

    /// Uploads each (creation URL, path) pair of argv with tuspy, in order, in 64 KiB chunks.
    static let tuspyScript = """
        import sys
        from tusclient import client
        pairs = sys.argv[1:]
        for url, path in zip(pairs[0::2], pairs[1::2]):
            client.TusClient(url).uploader(path, chunk_size=65536, metadata={"filename": path.rsplit("/", 1)[-1]}).upload()
        """

    @Test func theCommandLineAnnouncesEveryOptionalFileItIsGiven() async throws {
        let scene = try Scene()
        let cache = scene.dem.directory.appendingPathComponent("cache")
        try await scene.withServer { server in
            let path = { (name: String) throws -> String in try #require(scene.files[name]).path }
            let result = try await ProcessRunner.run(
                try BuiltExecutable.named("taskforge"),
                [
                    "submit", "volcal", "--tolerance-m", "0", "--pre", try path("pre"), "--post", try path("post"),
                    "--shp", try path("shp"), "--shx", try path("shx"), "--prj", try path("prj"), "--wait", "--json",
                    "--server", server.baseURL,
                ],
                environment: ["XDG_CACHE_HOME": cache.path])
            #expect(result.status == 0, "\(result.stderr)")
            scene.expectExactVolumes(try JSONValue(json: Data(result.stdout.utf8)))
        }
    }

    /// A pit and a mound (cut 400 m³, fill 600 m³) on rasters in UTM zone 33N, inside a square polygon
    /// drawn in UTM zone 32N: read in the rasters' CRS, as it would be without its `.prj`, it lies
    /// hundreds of kilometres away.
    struct Scene {
        let dem: TestDEM
        let files: [String: URL]

        init() throws {
            dem = try TestDEM()
            let grid = UTMGrid(width: 100, height: 100, cell: 1)
            let pre = try dem.raster("pre", on: grid) { _, _ in 100 }
            let post = try dem.raster("post", on: grid) { x, y in 100 + Surfaces.pitAndMound(x, y) }
            let shapefile = try dem.shapefile("aoi", [try Self.squareInZone32(5, 5, 95, 95)], epsg: 32632)
            files = [
                "pre": pre, "post": post, "shp": shapefile.shp, "shx": shapefile.shx, "dbf": shapefile.dbf,
                "prj": try #require(shapefile.prj),
            ]
        }

        /// The square from (`minX`, `minY`) to (`maxX`, `maxY`) metres of the tests' zone-33N grid, its
        /// edges densified to 1 m steps, as zone-32N WKT: reprojected back, it is the square to a millimetre.
        static func squareInZone32(_ minX: Double, _ minY: Double, _ maxX: Double, _ maxY: Double) throws -> String {
            var ring: [(x: Double, y: Double)] = []
            for step in stride(from: minX, to: maxX, by: 1) { ring.append((UTMGrid.x(step), UTMGrid.y(minY))) }
            for step in stride(from: minY, to: maxY, by: 1) { ring.append((UTMGrid.x(maxX), UTMGrid.y(step))) }
            for step in stride(from: maxX, to: minX, by: -1) { ring.append((UTMGrid.x(step), UTMGrid.y(maxY))) }
            for step in stride(from: maxY, to: minY, by: -1) { ring.append((UTMGrid.x(minX), UTMGrid.y(step))) }
            ring.append(ring[0])
            let transformation = try CoordinateTransformation(
                from: try SpatialReference(epsg: UTMGrid.epsg), to: try SpatialReference(epsg: 32632))
            let points = try transformation.transform(ring)
            return "POLYGON ((" + points.map { "\($0.x) \($0.y)" }.joined(separator: ", ") + "))"
        }

        func withServer(_ body: (TestServer) async throws -> Void) async throws {
            let catalog = TaskCatalog(GeneratedTasks.catalog.entries.filter { $0.definition.name == "volcal" })
            try await TestServer.with(
                catalog: catalog, openAPIDocument: "{}", maxArtifactBytes: 64 << 20, waitingExpiry: .seconds(3600),
                transport: .loopback, body
            )
        }

        /// The job read the polygon in its own CRS and measured the pit and the mound exactly.
        func expectExactVolumes(_ job: JSONValue) {
            #expect(job["state"] == "succeeded", "\(job["error"] ?? .null)")
            let output = job["output"] ?? .null
            #expect(output["polygon_crs_assumed"] == false)
            #expect(output["cut_m3"] == 400 && output["fill_m3"] == 600, "\(output)")
            #expect(abs((output["polygon_area_m2"]?.doubleValue ?? 0) - 8100) < 1, "\(output)")
        }
    }
}

extension TestServer {
    /// Uploads `file` over tus to the `upload_url` of the file `name` among the job's `files`.
    func uploadFile(_ file: URL, of files: [JSONValue], named name: String) async throws {
        let bytes = try Data(contentsOf: file)
        let creation = try #require(files.first { $0["name"]?.stringValue == name }?["upload_url"]?.stringValue)
        let created = try await createUpload(
            length: Int64(bytes.count), metadata: ["filename": file.lastPathComponent], path: creation)
        let location = try #require(created.headers["location"])
        #expect(try await patchUpload(location, offset: 0, bytes).status == 204)
    }
}
