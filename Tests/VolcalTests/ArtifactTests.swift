import CGDAL
import Foundation
import GeoKit
import Synchronization
import Testing

@testable import Tasks

/// The difference raster, the heatmap, the report, the progress steps and block-wise processing.
@Suite("Volcal: artifacts, progress and blocks")
struct ArtifactTests {
    let dem: TestDEM
    let grid = UTMGrid(width: 100, height: 100, cell: 1)
    let pre: URL
    let post: URL
    let aoi: (shp: URL, shx: URL, dbf: URL, prj: URL?)

    /// A pit 2 m deep at x 10..<30, y 70..<80 and a mound 3 m high at x 50..<60, y 20..<40, inside a
    /// polygon from 5 to 95 m.
    init() throws {
        dem = try TestDEM()
        pre = try dem.raster("pre", on: grid) { _, _ in 100 }
        post = try dem.raster("post", on: grid) { x, y in 100 + Surfaces.pitAndMound(x, y) }
        aoi = try dem.shapefile("aoi", [UTMGrid.square(5, 5, 95, 95)], epsg: UTMGrid.epsg)
    }

    @Test func theDifferenceRasterIsFloat32WithNodataOutsideThePolygon() async throws {
        let (_, artifacts) = try await dem.run(pre: pre, post: post, shapefile: aoi)
        let raster = try Raster.open(artifacts.differenceRaster)
        let handle = GDALOpen(artifacts.differenceRaster.path, GA_ReadOnly)
        #expect(GDALGetRasterDataType(GDALGetRasterBand(handle, 1)) == GDT_Float32)
        GDALClose(handle)
        #expect(raster.noDataValue() == -9999)
        #expect(raster.width == 90 && raster.height == 90)
        #expect(raster.geoTransform == grid.transform.shifted(column: 5, row: 5))
        #expect(raster.spatialReference?.authorityCode == "EPSG:32633")
        let values = try raster.read(raster.fullWindow, as: Float.self)
        // Window column c is x = 5 + c; row r is y = 95 - r.
        func value(x: Int, y: Int) -> Float { values[(94 - y) * 90 + (x - 5)] }
        #expect(value(x: 15, y: 75) == -2)
        #expect(value(x: 55, y: 30) == 3)
        #expect(value(x: 80, y: 80) == 0)
        #expect(values.filter { $0 == -9999 }.isEmpty)
    }

    @Test func theHeatmapIsRedForCutBlueForFillAndTransparentElsewhere() async throws {
        let (_, artifacts) = try await dem.run(pre: pre, post: post, shapefile: aoi)
        let png = try Raster.open(artifacts.heatmap)
        #expect(png.bandCount == 4)
        let bands = try (1...4).map { try png.read(png.fullWindow, band: $0, as: UInt8.self) }
        // The 90-cell window is drawn 512 pixels wide, 10 pixels from the edge.
        let scale = 512.0 / 90
        func pixel(x: Double, y: Double) -> [UInt8] {
            let column = 10 + Int((x - 5) * scale)
            let row = 10 + Int((95 - y) * scale)
            return bands.map { $0[row * png.width + column] }
        }
        let cut = pixel(x: 20, y: 75)
        #expect(cut[0] == 255 && cut[1] < 100 && cut[2] < 100 && cut[3] == 255)
        let fill = pixel(x: 55, y: 30)
        #expect(fill[2] == 255 && fill[0] < 100 && fill[1] < 100 && fill[3] == 255)
        #expect(pixel(x: 80, y: 80)[3] == 0)
        // The legend panel below the map is opaque and has black text.
        let legend = (png.height - 60)..<png.height
        #expect(legend.allSatisfy { bands[3][$0 * png.width + 5] == 255 })
        #expect(legend.contains { row in (0..<png.width).contains { bands[0][row * png.width + $0] == 0 } })
    }

    @Test func theReportHoldsTheFiguresAndTheUncertaintyMethod() async throws {
        let (result, artifacts) = try await dem.run(pre: pre, post: post, shapefile: aoi)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: artifacts.report)) as! [String: Any]
        #expect(json["cut_m3"] as? Double == 400)
        #expect(json["fill_m3"] as? Double == 600)
        #expect(json["net_m3"] as? Double == 200)
        #expect(json["valid_cells"] as? Int == 8100)
        #expect(json["crs"] as? String == "EPSG:32633")
        #expect((json["uncertainty"] as? [String: Any])?["method"] as? String == "dem_vertical_accuracy_propagation")
        #expect((json["inputs"] as? [String: String])?["pre"] == "pre.tif")
        #expect(json["gdal_version"] as? String == GDALEnvironment.version)
        let decoded = try JSONDecoder().decode(VolumeResult.self, from: Data(contentsOf: artifacts.report))
        #expect(decoded == result)
    }

    @Test func progressGoesThroughEveryStepInOrder() async throws {
        let reported = Mutex<[VolcalProgress]>([])
        _ = try await dem.run(pre: pre, post: post, shapefile: aoi, options: VolcalOptions(blockSize: 32)) { progress in
            reported.withLock { $0.append(progress) }
        }
        let seen = reported.withLock { $0 }
        var steps: [VolcalStep] = []
        for progress in seen where steps.last != progress.step { steps.append(progress.step) }
        #expect(steps == VolcalStep.allCases)
        // One report a block: the 90 x 90 window in blocks of 32 is 3 x 3 blocks.
        #expect(seen.filter { $0.step == .computing }.count == 9)
        #expect(zip(seen, seen.dropFirst()).allSatisfy { $0.overallFraction <= $1.overallFraction })
        #expect(seen.last?.overallFraction == 1)
    }

    @Test func smallBlocksGiveTheFiguresOfOneBlock() async throws {
        // A cone (not grid-aligned) with a nodata hole, over two features, in blocks of 7 x 7 and in one.
        let cone = try dem.raster("cone", on: grid) { x, y in
            (40..<43).contains(x) && (40..<45).contains(y)
                ? nil : 99 + Surfaces.cone(x, y, cx: 45, cy: 50, radius: 30, h: 8)
        }
        let features = try dem.shapefile(
            "features", [UTMGrid.square(3.3, 4.1, 60.7, 96.2), UTMGrid.square(50.5, 10.5, 97.2, 80)], epsg: UTMGrid.epsg
        )
        let (small, _) = try await dem.run(
            pre: pre, post: cone, shapefile: features, options: VolcalOptions(blockSize: 7))
        let (whole, _) = try await dem.run(
            pre: pre, post: cone, shapefile: features, options: VolcalOptions(blockSize: 4096))
        #expect(small.totals.validCells == whole.totals.validCells)
        #expect(small.totals.nodataCells == 15)
        #expect(small.totals.cutAreaM2 == whole.totals.cutAreaM2)
        #expect(abs(small.totals.fillM3 - whole.totals.fillM3) < 1e-9 * whole.totals.fillM3)
        #expect(abs(small.totals.cutM3 - whole.totals.cutM3) < 1e-9 * whole.totals.cutM3)
        #expect(small.features.count == 2)
        #expect(
            zip(small.features, whole.features).allSatisfy {
                abs($0.figures.netM3 - $1.figures.netM3) < 1e-9 * abs($1.figures.netM3)
                    && $0.figures.validCells == $1.figures.validCells
            })
    }
}
