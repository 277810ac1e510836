import Foundation
import GeoKit

/// Writes `dz = post − pre` over the polygon's window of the grid as a Float32 GeoTIFF (tiled,
/// deflate-compressed, BigTIFF when needed), with nodata (−9999) outside the polygon and where either
/// surface has none. Blocks are written as they are computed, so memory does not grow with the raster.
final class DifferenceRasterWriter {
    /// The nodata value of the difference raster.
    static let noData: Float = -9999

    private let raster: Raster
    private let window: PixelWindow

    /// Creates the GeoTIFF at `url` for `window` of a grid at `grid` in `crs`.
    init(url: URL, window: PixelWindow, grid: GeoTransform, crs: SpatialReference) throws {
        raster = try Raster.create(
            driver: "GTiff", at: url, width: window.width, height: window.height, bands: 1, type: .float32,
            options: ["TILED=YES", "COMPRESS=DEFLATE", "BIGTIFF=IF_SAFER"])
        self.window = window
        try raster.setGeoTransform(grid.shifted(column: window.column, row: window.row))
        try raster.setSpatialReference(crs)
        try raster.setNoDataValue(Double(Self.noData))
    }

    /// Writes the differences of `block` (a block of the grid inside the window), nodata included.
    func write(_ differences: [Float], block: PixelWindow) throws {
        let local = PixelWindow(
            column: block.column - window.column, row: block.row - window.row, width: block.width, height: block.height)
        try raster.write(differences, local)
    }

    /// Writes what is still cached to the file.
    func finish() throws { try raster.flush() }
}
