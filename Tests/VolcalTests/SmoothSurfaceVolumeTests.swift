import Foundation
import GeoKit
import Testing

@testable import Tasks

/// Smooth shapes whose volume is known in closed form, on grids that need resampling or another
/// CRS: within 0.5 % of the analytic value.
@Suite("Volcal: smooth surfaces, resampling and CRSs")
struct SmoothSurfaceVolumeTests {
    let dem: TestDEM

    init() throws { dem = try TestDEM() }

    /// Relative difference from the analytic value.
    func error(_ value: Double, _ analytic: Double) -> Double { abs(value - analytic) / analytic }

    @Test func aConeHasAThirdOfItsCylinder() async throws {
        let grid = UTMGrid(width: 240, height: 240, cell: 0.25)
        let pre = try dem.raster("pre", on: grid) { _, _ in 20 }
        let post = try dem.raster("post", on: grid) { x, y in 20 + Surfaces.cone(x, y, cx: 30, cy: 30, radius: 25, h: 6)
        }
        let shapefile = try dem.shapefile("aoi", [UTMGrid.square(2, 2, 58, 58)], epsg: UTMGrid.epsg)
        let (result, _) = try await dem.run(pre: pre, post: post, shapefile: shapefile)
        #expect(error(result.totals.fillM3, .pi * 25 * 25 * 6 / 3) < 0.005)
        #expect(result.totals.cutM3 == 0)
        #expect(abs(result.totals.maxDz! - 6) < 0.1)
    }

    @Test func aFinerPostIsResampledOntoTheGridOfPre() async throws {
        let coarse = UTMGrid(width: 80, height: 80, cell: 1)
        let fine = UTMGrid(width: 160, height: 160, cell: 0.5)
        let pre = try dem.raster("pre", on: coarse) { _, _ in 50 }
        let post = try dem.raster("post", on: fine) { x, y in 50 + Surfaces.dome(x, y, cx: 40, cy: 40, radius: 30, h: 5)
        }
        let shapefile = try dem.shapefile("aoi", [UTMGrid.square(2, 2, 78, 78)], epsg: UTMGrid.epsg)
        for resampling in Resampling.allCases {
            let (result, _) = try await dem.run(
                pre: pre, post: post, shapefile: shapefile, options: VolcalOptions(resampling: resampling))
            #expect(result.postResampled)
            #expect(result.resampling == resampling)
            #expect(error(result.totals.fillM3, .pi * 30 * 30 * 5 / 2) < 0.005, "\(resampling)")
        }
    }

    @Test func postInAnotherProjectedCRSAndThePolygonInLongitudeAndLatitude() async throws {
        // pre in UTM 33N near 12.05°E 45°N, post in UTM 32N (rotated by the grid convergence), the polygon in WGS 84.
        let wgs84 = try SpatialReference(epsg: 4326)
        let zone33 = try SpatialReference(epsg: 32633)
        let zone32 = try SpatialReference(epsg: 32632)
        let corner = try CoordinateTransformation(from: wgs84, to: zone33).transform([(12.05, 45.0)])[0]
        let preGrid = GeoTransform(
            originX: corner.x.rounded(), cellWidth: 1, originY: corner.y.rounded(), cellHeight: -1)
        let (cx, cy) = (preGrid.originX + 50, preGrid.originY - 50)
        let pre = try dem.raster("pre", width: 100, height: 100, grid: preGrid, epsg: 32633) { _, _ in 300 }

        let to32 = try CoordinateTransformation(from: zone33, to: zone32)
        let box = Envelope(points: try to32.transform(preGrid.extent(width: 100, height: 100).borderPoints()))!
        let postGrid = GeoTransform(
            originX: box.minX.rounded(.down) - 5, cellWidth: 1, originY: box.maxY.rounded(.up) + 5, cellHeight: -1)
        let size = Int((box.maxX - box.minX).rounded(.up)) + 10
        let centres = (0..<size).flatMap { row in
            (0..<size).map { column in postGrid.map(column: Double(column) + 0.5, row: Double(row) + 0.5) }
        }
        let inZone33 = try CoordinateTransformation(from: zone32, to: zone33).transform(centres)
        var index = 0
        let post = try dem.raster("post", width: size, height: size, grid: postGrid, epsg: 32632) { _, _ in
            defer { index += 1 }
            return 300 + Surfaces.dome(inZone33[index].x, inZone33[index].y, cx: cx, cy: cy, radius: 30, h: 5)
        }

        let aoi = Envelope(minX: cx - 40, minY: cy - 40, maxX: cx + 40, maxY: cy + 40)
        let lonLat = try CoordinateTransformation(from: zone33, to: wgs84).transform(
            [
                (aoi.minX, aoi.minY), (aoi.maxX, aoi.minY), (aoi.maxX, aoi.maxY), (aoi.minX, aoi.maxY),
                (aoi.minX, aoi.minY),
            ])
        let ring = lonLat.map { "\($0.x) \($0.y)" }.joined(separator: ", ")
        let shapefile = try dem.shapefile("aoi", ["POLYGON ((\(ring)))"], epsg: 4326)

        let (result, _) = try await dem.run(pre: pre, post: post, shapefile: shapefile)
        #expect(result.postResampled)
        #expect(result.crs == "EPSG:32633")
        #expect(error(result.totals.fillM3, .pi * 30 * 30 * 5 / 2) < 0.005)
        #expect(error(result.totals.polygonAreaM2, 80 * 80) < 0.001)
    }

    @Test func aGeographicCRSUsesTheTrueAreaOfEachCell() async throws {
        // 200 x 200 cells of 0.00001° at 45°N; a pit 2 m deep under the polygon of 100 x 100 cells.
        let grid = GeoTransform(originX: 10, cellWidth: 0.00001, originY: 45.002, cellHeight: -0.00001)
        let pre = try dem.raster("pre", width: 200, height: 200, grid: grid, epsg: 4326) { _, _ in 10 }
        let (west, east, south, north) = (10.0005, 10.0015, 45.0005, 45.0015)
        let post = try dem.raster("post", width: 200, height: 200, grid: grid, epsg: 4326) { x, y in
            x > west && x < east && y > south && y < north ? 8 : 10
        }
        let shapefile = try dem.shapefile("aoi", [Square.polygon(west, south, east, north)], epsg: 4326)
        let (result, _) = try await dem.run(pre: pre, post: post, shapefile: shapefile)
        let area = Self.ellipsoidArea(west: west, south: south, east: east, north: north)
        #expect(result.totals.validCells == 10_000)
        #expect(error(result.totals.cutM3, 2 * area) < 1e-6)
        // The polygon's own area, measured in its UTM zone, agrees with the ellipsoid's.
        #expect(error(result.totals.polygonAreaM2, area) < 0.005)
        #expect(abs(result.cellSizeM - (area / 10_000).squareRoot()) < 1e-6)
        #expect(result.notes.contains { $0.contains("geographic") })
    }

    /// The area of a longitude-latitude rectangle on the WGS 84 ellipsoid, from the closed form of the
    /// area between the equator and a parallel.
    static func ellipsoidArea(west: Double, south: Double, east: Double, north: Double) -> Double {
        let a = 6_378_137.0
        let f = 1 / 298.257223563
        let e = (f * (2 - f)).squareRoot()
        let b = a * (1 - f)
        func zone(_ latitude: Double) -> Double {
            let s = sin(latitude * .pi / 180)
            return b * b * (s / (2 * (1 - e * e * s * s)) + atanh(e * s) / (2 * e))
        }
        return (east - west) * .pi / 180 * (zone(north) - zone(south))
    }
}
