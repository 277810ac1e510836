/// Terms precomputed on an AOD grid for one geometry, linearly interpolated.
///
/// The grid runs from 0 to `maximumAOD` in steps of `step`; lookups between nodes interpolate each
/// term linearly, lookups outside the grid are clamped to its ends. Lookups neither allocate nor
/// call the radiative transfer model.
public struct AODLookupTable: Sendable {
    /// The AOD (550 nm) of each node, 0, step, 2·step, … up to `maximumAOD`.
    public let aodGrid: [Double]
    /// The terms of every tabulated band, band after band, `aodGrid.count` nodes each.
    private let nodes: [AtmosphericTerms]
    /// Where each band (by `SpectralBand.index`) starts in `nodes`, or nil when not tabulated.
    private let offsets: [Int?]
    private let step: Double

    /// Tabulates `bands` for `geometry` on the AOD grid 0...maximumAOD (both > 0).
    public init(transfer: RadiativeTransfer, geometry: SunViewGeometry, bands: [SpectralBand], maximumAOD: Double = 3, step: Double = 0.01) {
        precondition(maximumAOD > 0 && step > 0, "the AOD grid needs a positive extent and step")
        let intervals = max(1, Int((maximumAOD / step).rounded()))
        let grid = (0...intervals).map { Double($0) * step }
        var nodes: [AtmosphericTerms] = []
        var offsets = [Int?](repeating: nil, count: SpectralBand.allCases.count)
        for band in bands where offsets[band.index] == nil {
            offsets[band.index] = nodes.count
            nodes += grid.map { transfer.terms(band: band, aod550: $0, geometry: geometry) }
        }
        self.aodGrid = grid
        self.nodes = nodes
        self.offsets = offsets
        self.step = step
    }

    /// The terms of `band` (which must be tabulated) at `aod550`, interpolated linearly between nodes.
    public func terms(_ band: SpectralBand, aod550: Double) -> AtmosphericTerms {
        guard let offset = offsets[band.index] else { preconditionFailure("band \(band) is not tabulated") }
        let position = min(max(aod550 / step, 0), Double(aodGrid.count - 1))
        let lower = min(Int(position), aodGrid.count - 2)
        let t = position - Double(lower)
        let a = nodes[offset + lower], b = nodes[offset + lower + 1]
        return AtmosphericTerms(
            pathReflectance: a.pathReflectance + t * (b.pathReflectance - a.pathReflectance),
            transmittance: a.transmittance + t * (b.transmittance - a.transmittance),
            sphericalAlbedo: a.sphericalAlbedo + t * (b.sphericalAlbedo - a.sphericalAlbedo))
    }
}
