import Atmosphere

/// TOA reflectances of one pixel forward-modelled with `RadiativeTransfer` from a known surface.
struct SyntheticPixel {
    var blue: Double
    var red: Double
    var nir: Double
    var swir22: Double

    /// The pixel over a surface with the given reflectances under `aod550`.
    init(surfaceBlue: Double, surfaceRed: Double, surfaceNIR: Double, surfaceSwir22: Double,
         aod550: Double, geometry: SunViewGeometry, transfer: RadiativeTransfer = RadiativeTransfer()) {
        func toa(_ band: SpectralBand, _ surface: Double) -> Double {
            transfer.terms(band: band, aod550: aod550, geometry: geometry).topOfAtmosphere(surface: surface)
        }
        blue = toa(.blue, surfaceBlue)
        red = toa(.red, surfaceRed)
        nir = toa(.nir, surfaceNIR)
        swir22 = toa(.swir22, surfaceSwir22)
    }

    /// Dark dense vegetation obeying the surface ratios exactly, NIR 0.3.
    static func vegetation(swir22: Double, aod550: Double, geometry: SunViewGeometry,
                           surface: DarkVegetationSurface = .kaufman) -> SyntheticPixel {
        SyntheticPixel(surfaceBlue: surface.blueToSwir22 * swir22, surfaceRed: surface.redToSwir22 * swir22,
                       surfaceNIR: 0.3, surfaceSwir22: swir22, aod550: aod550, geometry: geometry)
    }
}
