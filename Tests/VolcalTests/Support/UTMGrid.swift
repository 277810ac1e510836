import Foundation
import GeoKit

/// The tests' usual grid: cells of `cell` metres in UTM zone 33N (EPSG:32633), top-left corner at
/// (500000, 5000000 + height · cell), so map coordinates relative to the corner are easy to read.
struct UTMGrid {
    static let epsg = 32633
    static let originX = 500_000.0
    static let baseY = 5_000_000.0

    let width: Int
    let height: Int
    let cell: Double

    var transform: GeoTransform {
        GeoTransform(
            originX: Self.originX, cellWidth: cell, originY: Self.baseY + Double(height) * cell, cellHeight: -cell)
    }

    /// Map coordinates of a point given in metres from the grid's bottom-left corner.
    static func x(_ metres: Double) -> Double { originX + metres }
    static func y(_ metres: Double) -> Double { baseY + metres }

    /// A polygon given in metres from the bottom-left corner, as map WKT.
    static func square(_ minX: Double, _ minY: Double, _ maxX: Double, _ maxY: Double) -> String {
        Square.polygon(x(minX), y(minY), x(maxX), y(maxY))
    }
}

extension TestDEM {
    /// A GeoTIFF on `grid` whose height at each cell centre is `surface(x, y)`, with `x` and `y` in
    /// metres from the grid's bottom-left corner; nil is nodata.
    func raster(_ name: String, on grid: UTMGrid, _ surface: (Double, Double) -> Double?) throws -> URL {
        try raster(name, width: grid.width, height: grid.height, grid: grid.transform, epsg: UTMGrid.epsg) { x, y in
            surface(x - UTMGrid.originX, y - UTMGrid.baseY)
        }
    }
}
