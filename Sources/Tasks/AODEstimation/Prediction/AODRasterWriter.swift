import Foundation
import GeoKit

/// Writes a chip's AOD as a GeoTIFF on the chip's grid: one Float32 band, AOD at 550 nm, nodata
/// -9999 where it could not be retrieved.
enum AODRasterWriter {
    static let noData: Float = -9999

    static func write(_ aod: [Float], of chip: ChipBands, to file: URL) throws {
        let raster = try Raster.create(
            driver: "GTiff", at: file, width: chip.width, height: chip.height, bands: 1, type: .float32,
            options: ["TILED=YES", "COMPRESS=DEFLATE", "PREDICTOR=3"])
        try raster.setGeoTransform(chip.transform)
        try raster.setSpatialReference(chip.crs)
        try raster.setNoDataValue(Double(noData))
        raster.setBandDescription("AOD550", band: 1)
        try raster.write(aod.map { $0.isFinite ? $0 : noData }, raster.fullWindow)
        try raster.flush()
    }
}
