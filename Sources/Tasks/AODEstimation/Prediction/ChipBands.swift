import Foundation
import GeoKit

/// A chip GeoTIFF of stage `data_processing` read back: its georeference and every ``ChipLayer``
/// as Float32 cells, row by row.
struct ChipBands {
    let width: Int
    let height: Int
    let transform: GeoTransform
    let crs: SpatialReference
    private let layers: [ChipLayer: [Float]]

    init(reading file: URL) throws {
        let raster = try Raster.open(file)
        guard raster.bandCount == ChipLayer.allCases.count, let transform = raster.geoTransform,
            let crs = raster.spatialReference
        else {
            throw GeoError(operation: "read chip \(file.lastPathComponent): not a georeferenced chip of \(ChipLayer.allCases.count) bands", messages: [])
        }
        width = raster.width
        height = raster.height
        self.transform = transform
        self.crs = crs
        var layers: [ChipLayer: [Float]] = [:]
        for layer in ChipLayer.allCases {
            layers[layer] = try raster.read(raster.fullWindow, band: layer.rawValue, as: Float.self)
        }
        self.layers = layers
    }

    /// The cells of `layer`.
    subscript(_ layer: ChipLayer) -> [Float] {
        layers[layer] ?? []
    }

    /// Whether each cell lies in the bounding box and holds scene data (its B12 reflectance).
    var inBoxWithData: [Bool] {
        zip(self[.bbox], self[.b12]).map { $0 == 1 && $1.isFinite }
    }
}
