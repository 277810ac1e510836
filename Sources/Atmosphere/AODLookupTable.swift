/// The 6S terms of a few bands for one scene (geometry, aerosol model, gases) along AOD, for fast
/// per-pixel lookups.
///
/// Built once per scene from ``SixSTable``: the geometry is interpolated at every AOD node of the
/// 6S table, then resampled on a uniform AOD grid of `step` (0.01) — exactly, because the 6S nodes
/// lie on that grid and the table is linear between them. Lookups interpolate linearly between grid
/// nodes, clamp outside 0...`maximumAOD`, and neither allocate nor search.
public struct AODLookupTable: Sendable {
    /// The AOD spacing of the grid.
    public static let step = 0.01
    /// The largest AOD (550 nm) of the grid: the 6S table's largest.
    public let maximumAOD: Double
    /// The axes on which the scene's geometry or atmosphere lies outside the 6S table (clamped).
    public let clampedAxes: [SixSTable.Axis]
    /// The terms of every tabulated band, band after band, `count` nodes each.
    private let nodes: [AtmosphericTerms]
    /// Where each band (by `SpectralBand.index`) starts in `nodes`, or nil when not tabulated.
    private let offsets: [Int?]
    private let count: Int

    /// Tabulates `bands` for one scene.
    ///
    /// - Throws: ``SixSTableError/notTabulated(_:_:)`` when `table` lacks a band for `aerosol`.
    public init(
        table: SixSTable, aerosol: AerosolModel, geometry: SunViewGeometry, gas: GasAbsorption,
        bands: [SpectralBand]
    ) throws {
        maximumAOD = table.maximumAOD
        clampedAxes = table.clampedAxes(geometry: geometry, gas: gas)
        let count = Int((table.maximumAOD / Self.step).rounded()) + 1
        var nodes: [AtmosphericTerms] = []
        var offsets = [Int?](repeating: nil, count: SpectralBand.allCases.count)
        for band in bands where offsets[band.index] == nil {
            let coarse = try table.termsAtAODNodes(band, aerosol: aerosol, geometry: geometry, gas: gas)
            offsets[band.index] = nodes.count
            var upper = 1
            for n in 0..<count {
                let aod = Double(n) * Self.step
                while upper < coarse.count - 1 && coarse[upper].aod550 < aod - 1e-9 { upper += 1 }
                let a = coarse[upper - 1]
                let b = coarse[upper]
                let t = min(1, max(0, (aod - a.aod550) / (b.aod550 - a.aod550)))
                nodes.append(Self.mix(a.terms, b.terms, t))
            }
        }
        self.nodes = nodes
        self.offsets = offsets
        self.count = count
    }

    /// The terms of `band` (which must be tabulated) at `aod550`, interpolated linearly between nodes
    /// and clamped to 0...maximumAOD.
    @inline(__always)
    public func terms(_ band: SpectralBand, aod550: Double) -> AtmosphericTerms {
        guard let offset = offsets[band.index] else { preconditionFailure("band \(band) is not tabulated") }
        let position = min(max(aod550 / Self.step, 0), Double(count - 1))
        let lower = min(Int(position), count - 2)
        return Self.mix(nodes[offset + lower], nodes[offset + lower + 1], position - Double(lower))
    }

    @inline(__always)
    static func mix(_ a: AtmosphericTerms, _ b: AtmosphericTerms, _ t: Double) -> AtmosphericTerms {
        AtmosphericTerms(
            pathReflectance: a.pathReflectance + t * (b.pathReflectance - a.pathReflectance),
            transmittance: a.transmittance + t * (b.transmittance - a.transmittance),
            sphericalAlbedo: a.sphericalAlbedo + t * (b.sphericalAlbedo - a.sphericalAlbedo),
            gasTransmittance: a.gasTransmittance + t * (b.gasTransmittance - a.gasTransmittance))
    }
}
