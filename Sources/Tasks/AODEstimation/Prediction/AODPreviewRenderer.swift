import Foundation
import GeoKit

/// Draws a chip's AOD as a PNG: the cells coloured on a fixed sequential scale from 0 to 1 (so that
/// previews compare; higher values take the top colour), transparent where there is no value, above
/// a white panel with the colour bar labelled 0, 0.5 and 1.0.
enum AODPreviewRenderer {
    private static let padding = 10
    private static let legendHeight = 40
    private static let fontScale = 2
    static let scaleMaximum = 1.0

    /// Viridis at five stops.
    private static let stops: [RGBA] = [
        RGBA(red: 68, green: 1, blue: 84, alpha: 255), RGBA(red: 59, green: 82, blue: 139, alpha: 255),
        RGBA(red: 33, green: 145, blue: 140, alpha: 255), RGBA(red: 94, green: 201, blue: 98, alpha: 255),
        RGBA(red: 253, green: 231, blue: 37, alpha: 255),
    ]

    static func render(_ aod: [Float], width: Int, height: Int, to file: URL) throws {
        let zoom = max(1, 256 / max(width, height))
        let mapWidth = width * zoom
        let mapHeight = height * zoom
        var canvas = Canvas(width: max(mapWidth, 200) + 2 * padding, height: mapHeight + 2 * padding + legendHeight)
        for row in 0..<height {
            for column in 0..<width {
                let value = aod[row * width + column]
                guard value.isFinite else { continue }
                canvas.fill(
                    x: padding + column * zoom, y: padding + row * zoom, width: zoom, height: zoom, color(Double(value))
                )
            }
        }
        let top = mapHeight + 2 * padding
        canvas.fill(x: 0, y: top - padding / 2, width: canvas.width, height: canvas.height - top + padding / 2, .white)
        let barWidth = 180
        for x in 0..<barWidth {
            canvas.fill(
                x: padding + x, y: top, width: 1, height: 12, color(scaleMaximum * (Double(x) + 0.5) / Double(barWidth))
            )
        }
        canvas.draw("0", x: padding, y: top + 16, scale: fontScale, .black)
        canvas.draw(
            "0.5", x: padding + barWidth / 2 - BitmapFont.width(of: "0.5", scale: fontScale) / 2, y: top + 16,
            scale: fontScale, .black)
        canvas.draw(
            "1.0", x: padding + barWidth - BitmapFont.width(of: "1.0", scale: fontScale), y: top + 16, scale: fontScale,
            .black)
        let image = try Raster.create(
            driver: "MEM", at: nil, width: canvas.width, height: canvas.height, bands: 4, type: .byte)
        for (index, plane) in canvas.planes.enumerated() { try image.write(plane, image.fullWindow, band: index + 1) }
        try image.copy(driver: "PNG", to: file)
    }

    /// The scale's colour of `aod`, linear between the stops, clamped to 0...scaleMaximum.
    static func color(_ aod: Double) -> RGBA {
        let position = min(max(aod / scaleMaximum, 0), 1) * Double(stops.count - 1)
        let lower = min(Int(position), stops.count - 2)
        let t = position - Double(lower)
        func mix(_ a: UInt8, _ b: UInt8) -> UInt8 { UInt8((Double(a) + (Double(b) - Double(a)) * t).rounded()) }
        let a = stops[lower]
        let b = stops[lower + 1]
        return RGBA(red: mix(a.red, b.red), green: mix(a.green, b.green), blue: mix(a.blue, b.blue), alpha: 255)
    }
}
