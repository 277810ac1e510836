import Atmosphere

/// Top-of-atmosphere reflectance of the five reflectance bands of a synthetic scene, from the bundled
/// 6S table (``SixSTable``): continental aerosol, the US62 gases (scaled to the scene's water vapour
/// column when the spec gives one), the scene's geometry. The
/// same truth the retrieval is checked against, so the project's scenes do not come from the
/// retrieval's own model.
struct TOALookup {
    /// The bands in the order the synthetic scenes hold them (B02, B04, B8A, B11, B12).
    static let bands: [SpectralBand] = [.blue, .red, .nir, .swir16, .swir22]
    /// The aerosol model the scenes are made with.
    static let aerosol = AerosolModel.continental

    let table: AODLookupTable

    /// The terms of every band for `geometry` and `gas`.
    ///
    /// - Throws: ``SixSTableError`` when the bundled 6S table cannot be read.
    init(geometry: SunViewGeometry, gas: GasAbsorption) throws {
        table = try AODLookupTable(
            table: SixSTable.bundled(), aerosol: Self.aerosol, geometry: geometry,
            gas: gas, bands: Self.bands)
    }

    /// TOA reflectance of band `band` (index into ``bands``) over `surface` under `aod`.
    @inline(__always)
    func topOfAtmosphere(band: Int, surface: Double, aod: Double) -> Double {
        table.terms(Self.bands[band], aod550: aod).topOfAtmosphere(surface: surface)
    }
}
