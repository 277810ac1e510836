import Foundation
import GeoKit
import Sentinel2
import TaskRuntime

/// Cuts one scene into the chips that cover a bounding box (``ChipGrid``) and writes each chip that
/// holds scene data as a GeoTIFF of the ``ChipLayer`` bands.
///
/// The chips are on the grid of the scene's B12 band (20 m for Sentinel-2; its coarsest band the
/// retrieval needs), in the scene's CRS. Every band is resampled onto that grid through a GDAL warp
/// (a virtual raster read chip by chip): reflectances, AOT and WVP by averaging the finer cells each chip
/// cell covers (10 m B02 and B04), SCL by nearest neighbour. Blocking: run it off the task threads.
struct ChipCutter {
    let scene: Scene
    let bbox: GeoBoundingBox
    let chipSize: Int

    /// A chip written to disk.
    struct CutChip: Sendable {
        let row: Int
        let column: Int
        let file: URL
    }

    /// Writes the chips holding scene data into `folder` as `name(row, column)` and returns them,
    /// row by row; chips wholly outside the scene's data are left out.
    func cut(into folder: URL, name: (Int, Int) -> String) throws -> [CutChip] {
        guard let b12 = scene.bands[.B12] else { throw Self.unreadable(scene, "it has no B12 band") }
        let reference = try Raster.open(b12.url)
        guard let sceneGrid = reference.geoTransform, sceneGrid.isNorthUp, let crs = reference.spatialReference else {
            throw Self.unreadable(scene, "its B12 band has no north-up georeference")
        }
        let lonLat = try SpatialReference(epsg: 4326)
        let boxBorder = Envelope(
            minX: bbox.minLongitude, minY: bbox.minLatitude, maxX: bbox.maxLongitude, maxY: bbox.maxLatitude
        )
        .borderPoints(perSide: 32)
        guard let envelope = Envelope(points: try CoordinateTransformation(from: lonLat, to: crs).transform(boxBorder))
        else { throw Self.unreadable(scene, "the bounding box cannot be placed in its CRS") }
        let grid = ChipGrid(covering: envelope, sceneGrid: sceneGrid, chipSize: chipSize)

        let template = try Raster.create(
            driver: "MEM", at: nil, width: grid.width, height: grid.height, bands: 1, type: .byte)
        try template.setGeoTransform(grid.transform)
        try template.setSpatialReference(crs)
        var sources: [ChipLayer: (raster: Raster, asset: BandAsset)] = [:]
        for layer in ChipLayer.allCases {
            guard let band = layer.sceneBand, let asset = scene.bands[band] else { continue }
            let resampling: Resampling = layer == .scl ? .nearest : .average
            sources[layer] = (try Raster.open(asset.url).warped(onto: template, resampling: resampling), asset)
        }
        let toLonLat = try CoordinateTransformation(from: crs, to: lonLat)

        var chips: [CutChip] = []
        for row in 0..<grid.rows {
            for column in 0..<grid.columns {
                let window = grid.window(row: row, column: column)
                var layers: [ChipLayer: [Float]] = [:]
                for (layer, source) in sources {
                    let cells = try source.raster.read(window, as: Float.self)
                    let scale = Float(source.asset.scale)
                    let offset = Float(source.asset.offset)
                    layers[layer] = layer == .scl ? cells : cells.map { $0 * scale + offset }
                }
                guard layers[.b12]?.contains(where: \.isFinite) == true else { continue }
                let chipTransform = grid.chipTransform(row: row, column: column)
                layers[.bbox] = try boxMask(transform: chipTransform, toLonLat: toLonLat)
                let file = folder.appendingPathComponent(name(row, column))
                try write(layers, transform: chipTransform, crs: crs, to: file)
                chips.append(CutChip(row: row, column: column, file: file))
            }
        }
        return chips
    }

    /// 1 for the chip cells whose centre lies in the bounding box, 0 for the others.
    private func boxMask(transform: GeoTransform, toLonLat: CoordinateTransformation) throws -> [Float] {
        var centres: [(x: Double, y: Double)] = []
        centres.reserveCapacity(chipSize * chipSize)
        for row in 0..<chipSize {
            for column in 0..<chipSize {
                centres.append(transform.map(column: Double(column) + 0.5, row: Double(row) + 0.5))
            }
        }
        return try toLonLat.transform(centres).map { point in
            (bbox.minLongitude...bbox.maxLongitude).contains(point.x)
                && (bbox.minLatitude...bbox.maxLatitude).contains(point.y)
                ? 1 : 0
        }
    }

    private func write(
        _ layers: [ChipLayer: [Float]], transform: GeoTransform, crs: SpatialReference, to file: URL
    ) throws {
        let chip = try Raster.create(
            driver: "GTiff", at: file, width: chipSize, height: chipSize, bands: ChipLayer.allCases.count,
            type: .float32,
            options: ["TILED=YES", "COMPRESS=DEFLATE", "PREDICTOR=3"])
        try chip.setGeoTransform(transform)
        try chip.setSpatialReference(crs)
        let window = PixelWindow(column: 0, row: 0, width: chipSize, height: chipSize)
        let missing = [Float](repeating: .nan, count: window.cellCount)
        for layer in ChipLayer.allCases {
            chip.setBandDescription(layer.name, band: layer.rawValue)
            try chip.setNoDataValue(.nan, band: layer.rawValue)
            try chip.write(layers[layer] ?? missing, window, band: layer.rawValue)
        }
        try chip.flush()
    }

    private static func unreadable(_ scene: Scene, _ problem: String) -> TaskError {
        .permanent("scene_unreadable", "scene \(scene.id) cannot be cut into chips: \(problem)")
    }
}
