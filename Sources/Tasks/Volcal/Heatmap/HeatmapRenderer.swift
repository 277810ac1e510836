import Foundation
import GeoKit

/// Draws the difference raster as an RGBA PNG: the map (cut red, fill blue, transparent outside the
/// polygon and within the tolerance) above a white legend panel with the colour bar, its ±limit and
/// 0 labels in metres, and a scale bar.
///
/// The map is the raster resampled (nearest) so that its longer side has 512 to 1024 pixels: GDAL
/// reads it through its block cache, so even a 20000 x 20000 raster needs only the picture's memory.
enum HeatmapRenderer {
    private static let padding = 10
    private static let legendHeight = 64
    private static let fontScale = 2

    /// Renders the difference raster at `differenceRaster` (cells `metresPerCell` wide) into `output`.
    static func render(differenceRaster: URL, toleranceM: Double, metresPerCell: Double, to output: URL) throws {
        let raster = try Raster.open(differenceRaster)
        let longest = max(raster.width, raster.height)
        let target = longest < 512 ? 512 : min(longest, 1024)
        let factor = Double(target) / Double(longest)
        let mapWidth = max(1, Int((Double(raster.width) * factor).rounded()))
        let mapHeight = max(1, Int((Double(raster.height) * factor).rounded()))
        let values = try raster.read(
            raster.fullWindow, as: Float.self, bufferWidth: mapWidth, bufferHeight: mapHeight)
        let changes = values.filter { $0 != DifferenceRasterWriter.noData && $0.isFinite }.map { Double($0) }
        let palette = DivergingPalette(
            largestMagnitude: changes.map(abs).max() ?? 0, tolerance: toleranceM)

        var canvas = Canvas(
            width: max(mapWidth, 320) + 2 * padding, height: mapHeight + 2 * padding + legendHeight)
        for row in 0..<mapHeight {
            for column in 0..<mapWidth {
                let value = values[row * mapWidth + column]
                guard value != DifferenceRasterWriter.noData, value.isFinite else { continue }
                canvas.set(x: padding + column, y: padding + row, palette.color(dz: Double(value)))
            }
        }
        drawLegend(on: &canvas, top: mapHeight + 2 * padding, palette: palette)
        drawScaleBar(
            on: &canvas, top: mapHeight + 2 * padding + 38, metresPerPixel: metresPerCell / factor, mapWidth: mapWidth)
        try write(canvas, to: output)
    }

    private static func drawLegend(on canvas: inout Canvas, top: Int, palette: DivergingPalette) {
        canvas.fill(x: 0, y: top - padding / 2, width: canvas.width, height: canvas.height - top + padding / 2, .white)
        let barWidth = 256
        for x in 0..<barWidth {
            let dz = palette.limit * (2 * (Double(x) + 0.5) / Double(barWidth) - 1)
            let color = abs(dz) > palette.tolerance ? palette.color(dz: dz) : .white
            canvas.fill(x: padding + x, y: top, width: 1, height: 12, color)
        }
        canvas.fill(x: padding + barWidth / 2, y: top, width: 1, height: 14, .black)
        let limit = String(format: "%.2f", palette.limit)
        canvas.draw("-\(limit) m", x: padding, y: top + 16, scale: fontScale, .black)
        canvas.draw("0", x: padding + barWidth / 2 - 2, y: top + 16, scale: fontScale, .black)
        let right = "+\(limit) m"
        canvas.draw(
            right, x: padding + barWidth - BitmapFont.width(of: right, scale: fontScale), y: top + 16, scale: fontScale,
            .black)
    }

    /// A bar of a round length (1, 2 or 5 times a power of ten metres) about a quarter of the map wide.
    private static func drawScaleBar(on canvas: inout Canvas, top: Int, metresPerPixel: Double, mapWidth: Int) {
        let wanted = metresPerPixel * Double(max(mapWidth, 320)) / 4
        let power = pow(10, (log10(wanted)).rounded(.down))
        let length = [5, 2, 1].map { Double($0) * power }.first { $0 <= wanted } ?? power
        let pixels = max(1, Int((length / metresPerPixel).rounded()))
        canvas.fill(x: padding, y: top + 4, width: pixels, height: 3, .black)
        canvas.fill(x: padding, y: top, width: 2, height: 10, .black)
        canvas.fill(x: padding + pixels - 2, y: top, width: 2, height: 10, .black)
        let label = length >= 1 ? String(format: "%.0f m", length) : String(format: "%g m", length)
        canvas.draw(label, x: padding + pixels + 8, y: top + 1, scale: fontScale, .black)
    }

    private static func write(_ canvas: Canvas, to output: URL) throws {
        let image = try Raster.create(
            driver: "MEM", at: nil, width: canvas.width, height: canvas.height, bands: 4, type: .byte)
        let window = image.fullWindow
        for (index, plane) in canvas.planes.enumerated() { try image.write(plane, window, band: index + 1) }
        try image.copy(driver: "PNG", to: output)
    }
}
