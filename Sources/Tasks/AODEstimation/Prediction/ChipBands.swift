import Foundation
import GeoKit

/// A chip GeoTIFF of stage `data_processing` read back: its georeference and every ``ChipLayer``
/// as Float32 cells, row by row (a chip cut before WVP was added has no ``ChipLayer/wvp`` cells).
struct ChipBands {
    let width: Int
    let height: Int
    let transform: GeoTransform
    let crs: SpatialReference
    private let layers: [ChipLayer: [Float]]

    init(reading file: URL) throws {
        let raster = try Raster.open(file)
        let layerCount = ChipLayer.allCases.count
        guard (ChipLayer.bbox.rawValue...layerCount).contains(raster.bandCount), let transform = raster.geoTransform,
            let crs = raster.spatialReference
        else {
            throw GeoError(
                operation: "read chip \(file.lastPathComponent): not a georeferenced chip of \(layerCount) bands",
                messages: [])
        }
        width = raster.width
        height = raster.height
        self.transform = transform
        self.crs = crs
        var layers: [ChipLayer: [Float]] = [:]
        for layer in ChipLayer.allCases where layer.rawValue <= raster.bandCount {
            layers[layer] = try raster.read(raster.fullWindow, band: layer.rawValue, as: Float.self)
        }
        self.layers = layers
    }

    /// The cells of `layer` (empty for a layer the chip does not have).
    subscript(_ layer: ChipLayer) -> [Float] {
        layers[layer] ?? []
    }

    /// The chip's mean water vapour column (g/cm²) over the cells where the scene's WVP band has a
    /// positive value; nil without a WVP band.
    var meanWaterVapour: Double? {
        var sum = 0.0
        var count = 0
        for value in self[.wvp] where value.isFinite && value > 0 {
            sum += Double(value)
            count += 1
        }
        return count > 0 ? sum / Double(count) : nil
    }

    /// Whether each cell lies in the bounding box and holds scene data (its B12 reflectance).
    var inBoxWithData: [Bool] {
        zip(self[.bbox], self[.b12]).map { $0 == 1 && $1.isFinite }
    }
}
