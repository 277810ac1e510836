import Atmosphere

/// TOA reflectances of one pixel forward-modelled through the bundled 6S table (continental aerosol
/// unless told; B8A always continental, the only model the table has it for) from a known surface:
/// inputs for the selection and inversion tests. Accuracy is tested on scenes 6S computed directly
/// (``SixSScenes``), never on these.
struct SyntheticPixel {
    var blue: Double
    var red: Double
    var nir: Double
    var swir22: Double

    /// The pixel over a surface with the given reflectances under `aod550`.
    init(
        surfaceBlue: Double, surfaceRed: Double, surfaceNIR: Double, surfaceSwir22: Double,
        aod550: Double, geometry: SunViewGeometry, gas: GasAbsorption = .standard,
        aerosol: AerosolModel = .continental
    ) throws {
        let table = try AODLookupTable(
            table: SixSTable.bundled(), aerosol: aerosol, geometry: geometry, gas: gas, bands: [.blue, .red, .swir22])
        let nirTable = try AODLookupTable(
            table: SixSTable.bundled(), aerosol: .continental, geometry: geometry, gas: gas, bands: [.nir])
        func toa(_ band: SpectralBand, _ surface: Double) -> Double {
            (band == .nir ? nirTable : table).terms(band, aod550: aod550).topOfAtmosphere(surface: surface)
        }
        blue = toa(.blue, surfaceBlue)
        red = toa(.red, surfaceRed)
        nir = toa(.nir, surfaceNIR)
        swir22 = toa(.swir22, surfaceSwir22)
    }

    /// Dark dense vegetation obeying the surface ratios exactly, NIR 0.3.
    static func vegetation(
        swir22: Double, aod550: Double, geometry: SunViewGeometry,
        surface: DarkVegetationSurface = .kaufman, gas: GasAbsorption = .standard,
        aerosol: AerosolModel = .continental
    ) throws -> SyntheticPixel {
        try SyntheticPixel(
            surfaceBlue: surface.blueToSwir22 * swir22, surfaceRed: surface.redToSwir22 * swir22,
            surfaceNIR: 0.3, surfaceSwir22: swir22, aod550: aod550, geometry: geometry, gas: gas, aerosol: aerosol)
    }
}
