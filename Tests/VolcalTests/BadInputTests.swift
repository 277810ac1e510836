import CGDAL
import Foundation
import GeoKit
import Testing

@testable import Tasks

/// Inputs no calculation can use end with a specific, permanent code, never a crash.
@Suite("Volcal: bad inputs")
struct BadInputTests {
    let dem: TestDEM
    let grid = UTMGrid(width: 40, height: 40, cell: 1)
    let pre: URL
    let post: URL
    let aoi: (shp: URL, shx: URL, dbf: URL, prj: URL?)

    init() throws {
        dem = try TestDEM()
        pre = try dem.raster("pre", on: grid) { _, _ in 10 }
        post = try dem.raster("post", on: grid) { _, _ in 9 }
        aoi = try dem.shapefile("aoi", [UTMGrid.square(5, 5, 35, 35)], epsg: UTMGrid.epsg)
    }

    /// The code the calculation fails with.
    func failure(
        pre: URL? = nil, post: URL? = nil, shapefile: (shp: URL, shx: URL, dbf: URL, prj: URL?)? = nil,
        options: VolcalOptions = VolcalOptions()
    ) async throws -> VolcalFailure? {
        do {
            _ = try await dem.run(
                pre: pre ?? self.pre, post: post ?? self.post, shapefile: shapefile ?? aoi, options: options)
            return nil
        } catch let failure as VolcalFailure {
            #expect(!failure.message.isEmpty)
            return failure
        }
    }

    @Test func aFileThatIsNoRasterIsInvalidRaster() async throws {
        let text = dem.directory.appendingPathComponent("notes.txt")
        try Data("levels taken on site, see the PDF\n".utf8).write(to: text)
        let failure = try await failure(post: text)
        #expect(failure?.code == "invalid_raster")
        #expect(failure?.message.contains("'post'") == true)
    }

    @Test func aRasterWithoutGeoreferenceIsNoGeoreference() async throws {
        let bare = try dem.raster(
            "bare", width: 40, height: 40, grid: grid.transform, epsg: nil, georeferenced: false
        ) { _, _ in 9 }
        #expect(try await failure(post: bare)?.code == "no_georeference")
        let noCRS = try dem.raster("no-crs", width: 40, height: 40, grid: grid.transform, epsg: nil) { _, _ in 9 }
        #expect(try await failure(pre: noCRS)?.code == "no_georeference")
    }

    @Test func rastersOverDifferentGroundAreDisjoint() async throws {
        let elsewhere = UTMGrid(width: 40, height: 40, cell: 1).transform.shifted(column: 10_000, row: 0)
        let far = try dem.raster("far", width: 40, height: 40, grid: elsewhere, epsg: UTMGrid.epsg) { _, _ in 9 }
        #expect(try await failure(post: far)?.code == "rasters_disjoint")
    }

    @Test func aShapefileWithoutItsShxIsInvalidVector() async throws {
        let missing = dem.directory.appendingPathComponent("never-uploaded.shx")
        #expect(try await failure(shapefile: (aoi.shp, missing, aoi.dbf, aoi.prj))?.code == "invalid_vector")
        let garbage = dem.directory.appendingPathComponent("garbage.shp")
        try Data(repeating: 7, count: 300).write(to: garbage)
        #expect(try await failure(shapefile: (garbage, aoi.shx, aoi.dbf, aoi.prj))?.code == "invalid_vector")
    }

    @Test func pointsOrAMissingFeatureAreNoPolygon() async throws {
        let points = try dem.shapefile(
            "points", ["POINT (\(UTMGrid.x(10)) \(UTMGrid.y(10)))"], epsg: UTMGrid.epsg, type: wkbPoint)
        let noPolygon = try await failure(shapefile: points)
        #expect(noPolygon?.code == "no_polygon")
        #expect(noPolygon?.message.contains("POINT") == true)
        let missing = try await failure(options: VolcalOptions(featureID: 7))
        #expect(missing?.code == "no_polygon")
        #expect(missing?.message.contains("FID 7") == true)
    }

    @Test func aPolygonOutsideTheRastersIsNoOverlap() async throws {
        let away = try dem.shapefile("away", [UTMGrid.square(500, 500, 520, 520)], epsg: UTMGrid.epsg)
        #expect(try await failure(shapefile: away)?.code == "no_overlap")
        // Inside the rasters' extent but between two cell centres: it covers no cell.
        let sliver = try dem.shapefile("sliver", [UTMGrid.square(10.1, 10.1, 10.4, 10.4)], epsg: UTMGrid.epsg)
        #expect(try await failure(shapefile: sliver)?.code == "no_overlap")
    }

    @Test func onlyNodataUnderThePolygonIsNoValidCells() async throws {
        let empty = try dem.raster("empty", on: grid) { _, _ in nil }
        let failure = try await failure(post: empty)
        #expect(failure?.code == "no_valid_cells")
        #expect(failure?.message.contains("900") == true)
    }
}
