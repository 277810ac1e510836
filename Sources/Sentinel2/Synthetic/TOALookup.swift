import Atmosphere

/// The radiative transfer terms of the five reflectance bands over a range of AOD, so that a scene's
/// millions of cells need no radiative transfer of their own: TOA reflectance at an AOD between two
/// nodes is interpolated linearly between the nodes' TOA reflectances (exact for a uniform field,
/// whose range is a single node).
struct TOALookup {
    /// The bands in the order the synthetic scenes hold them (B02, B04, B8A, B11, B12).
    static let bands: [SpectralBand] = [.blue, .red, .nir, .swir16, .swir22]
    /// The AOD spacing of the nodes.
    static let step = 0.005

    let start: Double
    let count: Int
    /// `terms[band][node]`.
    let terms: [[AtmosphericTerms]]

    /// The terms of every band for `geometry` at nodes from the lower to past the upper end of `range`.
    init(range: ClosedRange<Double>, geometry: SunViewGeometry) {
        let model = RadiativeTransfer()
        start = range.lowerBound
        let span = range.upperBound - range.lowerBound
        count = span > 0 ? Int((span / Self.step).rounded(.up)) + 2 : 1
        let start = start
        let count = count
        terms = Self.bands.map { band in
            (0..<count).map { node in
                model.terms(band: band, aod550: start + Double(node) * Self.step, geometry: geometry)
            }
        }
    }

    /// TOA reflectance of band `band` (index into ``bands``) over `surface` under `aod`.
    @inline(__always)
    func topOfAtmosphere(band: Int, surface: Double, aod: Double) -> Double {
        let table = terms[band]
        if count == 1 { return table[0].topOfAtmosphere(surface: surface) }
        let position = min(Double(count - 1), max(0, (aod - start) / Self.step))
        let lower = min(count - 2, Int(position))
        let t = position - Double(lower)
        let a = table[lower].topOfAtmosphere(surface: surface)
        if t == 0 { return a }
        let b = table[lower + 1].topOfAtmosphere(surface: surface)
        return a + (b - a) * t
    }
}
