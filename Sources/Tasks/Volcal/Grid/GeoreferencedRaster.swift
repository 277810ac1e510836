import Foundation
import GeoKit

/// An input raster with the georeference a volume needs: a north-up geotransform and a CRS.
struct GeoreferencedRaster {
    let raster: Raster
    let transform: GeoTransform
    let crs: SpatialReference

    /// Opens the input named `input` ("pre", "post"), failing with ``VolcalFailure`` when it is no
    /// raster or has no georeference.
    static func open(_ url: URL, input: String) throws -> GeoreferencedRaster {
        let raster: Raster
        do {
            raster = try Raster.open(url)
        } catch let error as GeoError {
            throw VolcalFailure.invalidRaster(input: input, detail: error.description)
        }
        guard raster.bandCount > 0 else {
            throw VolcalFailure.invalidRaster(input: input, detail: "it has no raster band")
        }
        guard let transform = raster.geoTransform, let crs = raster.spatialReference, !crs.wkt.isEmpty else {
            throw VolcalFailure.noGeoreference(input: input)
        }
        guard transform.isNorthUp else {
            throw VolcalFailure.invalidRaster(
                input: input, detail: "its grid is rotated; resample it to a north-up grid first")
        }
        return GeoreferencedRaster(raster: raster, transform: transform, crs: crs)
    }
}
