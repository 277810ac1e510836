import Foundation
import GeoKit
import Testing

@testable import Tasks

/// Shapes whose edges follow the cell edges: every figure is exact.
@Suite("Volcal: grid-aligned shapes")
struct GridAlignedVolumeTests {
    let dem: TestDEM
    /// 100 x 100 cells of 1 m.
    let grid = UTMGrid(width: 100, height: 100, cell: 1)
    let pre: URL

    init() throws {
        dem = try TestDEM()
        pre = try dem.raster("pre", on: grid) { _, _ in 100 }
    }

    /// `change(x, y)` in metres from the grid's bottom-left corner, added to `pre`'s 100 m.
    func post(_ name: String = "post", _ change: (Double, Double) -> Double?) throws -> URL {
        try dem.raster(name, on: grid) { x, y in change(x, y).map { 100 + $0 } }
    }

    @Test func aPitAndAMoundGiveTheirExactCutAndFill() async throws {
        let shapefile = try dem.shapefile("aoi", [UTMGrid.square(5, 5, 95, 95)], epsg: UTMGrid.epsg)
        let (result, _) = try await dem.run(
            pre: pre, post: try post { Surfaces.pitAndMound($0, $1) }, shapefile: shapefile)
        let totals = result.totals
        #expect(totals.cutM3 == 400)
        #expect(totals.fillM3 == 600)
        #expect(totals.netM3 == 200)
        #expect(totals.cutAreaM2 == 200)
        #expect(totals.fillAreaM2 == 200)
        #expect(totals.unchangedAreaM2 == 8100 - 400)
        #expect(totals.polygonAreaM2 == 8100)
        #expect(totals.validCells == 8100)
        #expect(totals.nodataCells == 0)
        #expect(totals.minDz == -2)
        #expect(totals.maxDz == 3)
        #expect(abs(totals.meanDz! - 200.0 / 8100) < 1e-12)
        #expect(result.cellSizeM == 1)
        #expect(result.crs == "EPSG:32633")
        #expect(!result.polygonCRSAssumed)
        #expect(!result.postResampled)
        #expect(result.features.isEmpty)
        // sigma_dz = sqrt(2) * 0.1 m over 8100 cells of 1 m².
        #expect(result.uncertainty.method == "dem_vertical_accuracy_propagation")
        #expect(abs(result.uncertainty.randomM3 - 0.1 * 2.squareRoot() * 90) < 1e-9)
        #expect(abs(result.uncertainty.systematicM3 - 0.1 * 2.squareRoot() * 8100) < 1e-9)
    }

    @Test func aPolygonWithAHoleLeavesTheHoleOut() async throws {
        let hole =
            "POLYGON (\(Square.ring(UTMGrid.x(10), UTMGrid.y(10), UTMGrid.x(50), UTMGrid.y(50))), "
            + "\(Square.ring(UTMGrid.x(20), UTMGrid.y(20), UTMGrid.x(30), UTMGrid.y(30))))"
        let shapefile = try dem.shapefile("aoi", [hole], epsg: UTMGrid.epsg)
        let (result, _) = try await dem.run(pre: pre, post: try post { _, _ in -1 }, shapefile: shapefile)
        #expect(result.totals.cutM3 == 1500)
        #expect(result.totals.validCells == 1500)
        #expect(result.totals.polygonAreaM2 == 1500)
    }

    @Test func aMultipolygonCountsEachOfItsParts() async throws {
        let first = Square.ring(UTMGrid.x(10), UTMGrid.y(10), UTMGrid.x(20), UTMGrid.y(20))
        let second = Square.ring(UTMGrid.x(60), UTMGrid.y(60), UTMGrid.x(80), UTMGrid.y(70))
        let parts = "MULTIPOLYGON ((\(first)), (\(second)))"
        let shapefile = try dem.shapefile("aoi", [parts], epsg: UTMGrid.epsg)
        let (result, _) = try await dem.run(pre: pre, post: try post { _, _ in -0.5 }, shapefile: shapefile)
        #expect(result.totals.cutM3 == 150)
        #expect(result.totals.cutAreaM2 == 300)
        #expect(result.features.isEmpty)
    }

    @Test func severalFeaturesHaveTheirOwnFiguresAndOneCanBeChosen() async throws {
        // Feature 0 over the pit, feature 1 over the mound.
        let shapefile = try dem.shapefile(
            "aoi", [UTMGrid.square(5, 65, 35, 85), UTMGrid.square(45, 15, 65, 45)], epsg: UTMGrid.epsg)
        let surface = try post { Surfaces.pitAndMound($0, $1) }
        let (all, _) = try await dem.run(pre: pre, post: surface, shapefile: shapefile)
        #expect(all.totals.cutM3 == 400)
        #expect(all.totals.fillM3 == 600)
        #expect(all.totals.polygonAreaM2 == 600 + 600)
        #expect(all.features.map { $0.featureID } == [0, 1])
        #expect(all.features[0].figures.cutM3 == 400)
        #expect(all.features[0].figures.fillM3 == 0)
        #expect(all.features[0].figures.validCells == 600)
        #expect(all.features[1].figures.fillM3 == 600)
        #expect(all.features[1].figures.cutM3 == 0)

        let (one, _) = try await dem.run(
            pre: pre, post: surface, shapefile: shapefile, options: VolcalOptions(featureID: 1))
        #expect(one.totals.cutM3 == 0)
        #expect(one.totals.fillM3 == 600)
        #expect(one.totals.validCells == 600)
        #expect(one.featureID == 1)
        #expect(one.features.isEmpty)
    }

    @Test func nodataCellsAreCountedAndLeftOut() async throws {
        let preWithHole = try dem.raster("pre-holes", on: grid) { x, y in
            (12..<17).contains(x) && (72..<77).contains(y) ? nil : 100
        }
        let postWithHole = try post("post-holes") { x, y in
            (80..<83).contains(x) && (10..<14).contains(y) ? nil : Surfaces.pitAndMound(x, y)
        }
        let shapefile = try dem.shapefile("aoi", [UTMGrid.square(5, 5, 95, 95)], epsg: UTMGrid.epsg)
        let (result, _) = try await dem.run(pre: preWithHole, post: postWithHole, shapefile: shapefile)
        #expect(result.totals.cutM3 == 2 * (200 - 25))
        #expect(result.totals.fillM3 == 600)
        #expect(result.totals.nodataCells == 25 + 12)
        #expect(result.totals.validCells == 8100 - 37)
    }

    @Test func changesWithinTheToleranceCountAsUnchanged() async throws {
        // Noise of +-1/16 m over half the area, beside the pit of 2 m.
        let noisy = try post { x, y in
            if (10..<30).contains(x), (70..<80).contains(y) { return -2 }
            return x < 50 ? 0.0625 : (y < 50 ? -0.0625 : 0)
        }
        let shapefile = try dem.shapefile("aoi", [UTMGrid.square(0, 0, 100, 100)], epsg: UTMGrid.epsg)
        let (banded, _) = try await dem.run(
            pre: pre, post: noisy, shapefile: shapefile, options: VolcalOptions(toleranceM: 0.1))
        #expect(banded.totals.cutM3 == 400)
        #expect(banded.totals.fillM3 == 0)
        #expect(banded.totals.cutAreaM2 == 200)
        #expect(banded.totals.unchangedAreaM2 == 10_000 - 200)

        let (exact, _) = try await dem.run(pre: pre, post: noisy, shapefile: shapefile)
        #expect(exact.totals.fillM3 == 0.0625 * (5000 - 200))
        #expect(exact.totals.cutM3 == 400 + 0.0625 * 2500)
        #expect(exact.totals.unchangedAreaM2 == 2500)
    }

    @Test func allTouchedTakesEveryCellThePolygonTouches() async throws {
        // A 10 m square a quarter cell off the grid: 10 x 10 cell centres inside, 11 x 11 cells touched.
        let shapefile = try dem.shapefile("aoi", [UTMGrid.square(10.25, 10.25, 20.25, 20.25)], epsg: UTMGrid.epsg)
        let surface = try post { _, _ in -1 }
        let (centres, _) = try await dem.run(pre: pre, post: surface, shapefile: shapefile)
        let (touched, _) = try await dem.run(
            pre: pre, post: surface, shapefile: shapefile, options: VolcalOptions(allTouched: true))
        #expect(centres.totals.cutM3 == 100)
        #expect(touched.totals.cutM3 == 121)
        #expect(centres.totals.polygonAreaM2 == 100)
    }

    @Test func aShapefileWithoutPrjIsTakenToBeInTheRastersCRS() async throws {
        let shapefile = try dem.shapefile("aoi", [UTMGrid.square(5, 5, 95, 95)], epsg: nil)
        let (result, _) = try await dem.run(
            pre: pre, post: try post { Surfaces.pitAndMound($0, $1) }, shapefile: shapefile)
        #expect(result.polygonCRSAssumed)
        #expect(result.notes.contains { $0.contains(".prj") && $0.contains("EPSG:32633") })
        #expect(result.totals.cutM3 == 400)
    }
}
