import Foundation
import GeoKit

/// The ground area of each cell of a north-up grid, in square metres.
///
/// In a projected CRS every cell has the same area, `|cell width x cell height|` times the square of
/// the linear unit in metres. In a geographic CRS a cell spanning longitudes `Δλ` and latitudes
/// `φ1...φ2` covers `Δλ · b²/2 · |q(φ2) − q(φ1)|` on the ellipsoid, where
/// `q(φ) = sin φ / (1 − e² sin² φ) + ln((1 + e sin φ) / (1 − e sin φ)) / (2e)` (the authalic
/// latitude integral), so areas depend on the row only.
struct CellAreaModel {
    private let grid: GeoTransform
    private let projectedArea: Double?
    private let semiMinorAxis: Double
    private let eccentricity: Double

    init(grid: GeoTransform, crs: SpatialReference) {
        self.grid = grid
        let a = crs.semiMajorAxis
        let flattening = crs.inverseFlattening == 0 ? 0 : 1 / crs.inverseFlattening
        semiMinorAxis = a * (1 - flattening)
        eccentricity = (2 * flattening - flattening * flattening).squareRoot()
        projectedArea =
            crs.isGeographic
            ? nil : abs(grid.cellWidth * grid.cellHeight) * crs.metresPerLinearUnit * crs.metresPerLinearUnit
    }

    /// The area of any cell of `row` (of the whole grid), in square metres.
    func area(row: Int) -> Double {
        if let projectedArea { return projectedArea }
        let top = (grid.originY + Double(row) * grid.cellHeight) * .pi / 180
        let bottom = (grid.originY + Double(row + 1) * grid.cellHeight) * .pi / 180
        let longitudeSpan = abs(grid.cellWidth) * .pi / 180
        return longitudeSpan * semiMinorAxis * semiMinorAxis / 2 * abs(q(top) - q(bottom))
    }

    /// The side of a square cell of the same area as the cells of `row`, in metres.
    func cellSize(row: Int) -> Double { area(row: row).squareRoot() }

    private func q(_ latitude: Double) -> Double {
        let s = sin(latitude)
        guard eccentricity > 0 else { return 2 * s }
        let es = eccentricity * s
        return s / (1 - es * es) + log((1 + es) / (1 - es)) / (2 * eccentricity)
    }
}
