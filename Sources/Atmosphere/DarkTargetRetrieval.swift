/// The DDV retrieval of AOD at 550 nm, on 6S terms with gas correction.
///
/// Per pixel, one aerosol model's inversion (`DarkTargetInversion`: the 2.2 µm band gives the surface,
/// the surface ratios give blue and red, the AOD minimising their TOA misfit is searched to 0.001).
/// Which model: the declared one (``AerosolSelection/fixed``), or per block the one that explains the
/// block's blue and red best (``AerosolSelection/perBlock``, see ``retrieve(blue:red:nir:swir22:usable:)``).
/// All terms come from `AODLookupTable`s built once for the scene from the bundled 6S table (``SixSTable``).
public struct DarkTargetRetrieval: Sendable, CustomStringConvertible {
    /// The scene's sun and view angles.
    public let geometry: SunViewGeometry
    /// The aerosol model the retrieval assumes: always with ``AerosolSelection/fixed``, unless another
    /// explains a block better with ``AerosolSelection/perBlock``.
    public let aerosol: AerosolModel
    /// How the aerosol model of a block is chosen.
    public let selection: AerosolSelection
    /// The gases the TOA reflectances are corrected for.
    public let gas: GasAbsorption
    /// The surface ratios of dark dense vegetation.
    public let surface: DarkVegetationSurface
    /// The dark-vegetation pixel test.
    public let thresholds: DarkTargetThresholds
    /// The largest AOD (550 nm) the retrieval considers: at most the 6S table's largest (3).
    public let maximumAOD: Double
    /// The axes on which the scene's geometry or atmosphere lies outside the 6S table: their values
    /// were clamped to the table's end, so the retrieval is less accurate (empty inside the table).
    public let clampedAxes: [SixSTable.Axis]
    /// One inversion per candidate model, the declared model's first.
    private let inversions: [DarkTargetInversion]

    /// The scene and assumptions, without the table (test diagnostics print it).
    public var description: String {
        "DarkTargetRetrieval(\(geometry), \(aerosol) \(selection.rawValue), \(gas), maximum AOD \(maximumAOD))"
    }

    /// At most this many pixels of a block, spread evenly over it, decide its aerosol model.
    static let selectionSample = 1024

    /// A retrieval for one scene; builds the lookup tables of blue, red, NIR and 2.2 µm from `table`
    /// (default: the bundled 6S table) for the declared model and, with `selection` ``AerosolSelection/perBlock``,
    /// every other model the table holds those bands for.
    ///
    /// - Throws: ``SixSTableError`` when the bundled table cannot be read or lacks a band of `aerosol`.
    public init(
        geometry: SunViewGeometry, aerosol: AerosolModel = .continental, selection: AerosolSelection = .fixed,
        gas: GasAbsorption = .standard, table: SixSTable? = nil, surface: DarkVegetationSurface = .kaufman,
        thresholds: DarkTargetThresholds = .standard, maximumAOD: Double = 3
    ) throws {
        let sixS = try table ?? SixSTable.bundled()
        self.geometry = geometry
        self.aerosol = aerosol
        self.selection = selection
        self.gas = gas
        self.surface = surface
        self.thresholds = thresholds
        let maximumAOD = min(maximumAOD, sixS.maximumAOD)
        self.maximumAOD = maximumAOD
        clampedAxes = sixS.clampedAxes(geometry: geometry, gas: gas)
        let candidates =
            selection == .fixed
            ? [aerosol]
            : [aerosol]
                + AerosolModel.allCases.filter { model in
                    model != aerosol
                        && [SpectralBand.blue, .red, .swir22].allSatisfy { sixS.holds($0, aerosol: model) }
                }
        inversions = try candidates.map {
            try DarkTargetInversion(
                table: sixS, aerosol: $0, geometry: geometry, gas: gas, surface: surface, thresholds: thresholds,
                maximumAOD: maximumAOD)
        }
    }

    /// Whether a pixel passes the TOA pre-filter of dark vegetation.
    ///
    /// All reflectances must be finite and positive, the TOA NDVI at least `thresholds.minimumNDVI`
    /// and the gas-corrected TOA 2.2 µm reflectance inside `thresholds.swir22`. The surface NDVI test
    /// follows the search (``outcome(blue:red:nir:swir22:)``).
    public func isDarkVegetation(red: Double, nir: Double, swir22: Double) -> Bool {
        inversions[0].isDarkVegetation(red: red, nir: nir, swir22: swir22)
    }

    /// AOD at 550 nm from one pixel's TOA reflectances under the declared aerosol model, or nil when
    /// the pixel is not dark dense vegetation or no AOD in 0...maximumAOD explains it.
    ///
    /// Nil also when the best fit lies at `maximumAOD` (the misfit still falls there: the AOD is
    /// beyond the table; ``Outcome/beyondTable``) or its RMS TOA misfit exceeds 0.01. A best fit at 0
    /// gives 0.
    public func retrieve(blue: Double, red: Double, nir: Double, swir22: Double) -> Double? {
        if case .aod(let aod) = outcome(blue: blue, red: red, nir: nir, swir22: swir22) { return aod }
        return nil
    }

    /// What one pixel gives.
    public enum Outcome: Sendable, Hashable {
        /// The retrieved AOD at 550 nm.
        case aod(Double)
        /// Not dark dense vegetation, or no AOD explains the pixel within the misfit limit.
        case rejected
        /// The best fit lies at `maximumAOD`: the AOD is beyond the table (never extrapolated).
        case beyondTable
    }

    /// The outcome of one pixel's TOA reflectances under the declared aerosol model (see
    /// ``retrieve(blue:red:nir:swir22:)``).
    public func outcome(blue: Double, red: Double, nir: Double, swir22: Double) -> Outcome {
        inversions[0].fit(blue: blue, red: red, nir: nir, swir22: swir22).outcome
    }

    /// Block form: one AOD per pixel, Float.nan where not retrievable or where `usable[i]` is false
    /// (masked by the scene classification) or any input is not finite; with the aerosol model used,
    /// the number of pixels whose AOD lies beyond the table and the axes the scene was clamped on.
    ///
    /// With ``AerosolSelection/perBlock`` the model is chosen first (``chooseAerosol(blue:red:nir:swir22:usable:)``).
    /// All five arrays must have the same length.
    public func retrieve(blue: [Float], red: [Float], nir: [Float], swir22: [Float], usable: [Bool]) -> BlockResult {
        let count = usable.count
        precondition(
            blue.count == count && red.count == count && nir.count == count && swir22.count == count,
            "the bands and the mask must have the same length")
        let chosen = chooseAerosol(blue: blue, red: red, nir: nir, swir22: swir22, usable: usable)
        let inversion = inversions.first { $0.aerosol == chosen } ?? inversions[0]
        var beyond = 0
        let aod = (0..<count).map { i -> Float in
            guard usable[i] else { return .nan }
            let fit = inversion.fit(
                blue: Double(blue[i]), red: Double(red[i]), nir: Double(nir[i]), swir22: Double(swir22[i]))
            switch fit.outcome {
            case .aod(let value): return Float(value)
            case .rejected: return .nan
            case .beyondTable:
                beyond += 1
                return .nan
            }
        }
        return BlockResult(aod: aod, aerosol: chosen, beyondTable: beyond, clampedAxes: clampedAxes)
    }

    /// The aerosol model a block is retrieved with: the declared one with ``AerosolSelection/fixed``;
    /// with ``AerosolSelection/perBlock`` the model whose inversion leaves the least summed blue and red
    /// misfit over a sample of the block (at most 1024 usable pixels, evenly spaced), counting the pixels
    /// that some model retrieves (or places beyond the table). The declared model wins ties and blocks
    /// without such pixels.
    public func chooseAerosol(
        blue: [Float], red: [Float], nir: [Float], swir22: [Float], usable: [Bool]
    ) -> AerosolModel {
        guard inversions.count > 1 else { return aerosol }
        let sums = blockMisfits(blue: blue, red: red, nir: nir, swir22: swir22, usable: usable)
        // The first (declared) model wins ties: `min` keeps the first of equal elements.
        return sums.min { $0.misfit < $1.misfit }?.aerosol ?? aerosol
    }

    /// The summed squared blue and red misfit of every candidate model (the declared one first) over
    /// the sample of the block ``chooseAerosol(blue:red:nir:swir22:usable:)`` decides on.
    func blockMisfits(
        blue: [Float], red: [Float], nir: [Float], swir22: [Float], usable: [Bool]
    ) -> [(aerosol: AerosolModel, misfit: Double)] {
        let candidates = usable.indices.filter { usable[$0] }
        let step = max(1, (candidates.count + Self.selectionSample - 1) / Self.selectionSample)
        var sums = [Double](repeating: 0, count: inversions.count)
        for n in stride(from: 0, to: candidates.count, by: step) {
            let i = candidates[n]
            let fits = inversions.map {
                $0.fit(blue: Double(blue[i]), red: Double(red[i]), nir: Double(nir[i]), swir22: Double(swir22[i]))
            }
            // A pixel counts when some model explains it; not dark vegetation, or no fit at all, it says nothing.
            guard fits.contains(where: { $0.outcome != .rejected }) else { continue }
            for (m, fit) in fits.enumerated() { sums[m] += fit.misfit ?? 0 }
        }
        return zip(inversions, sums).map { ($0.aerosol, $1) }
    }

    /// The AOD of a block of pixels, and what lay outside the 6S table.
    public struct BlockResult: Sendable {
        /// One AOD per pixel, NaN where not retrieved.
        public var aod: [Float]
        /// The aerosol model the block was retrieved with (see ``DarkTargetRetrieval/selection``).
        public var aerosol: AerosolModel
        /// Pixels not retrieved because their AOD lies beyond the table's largest.
        public var beyondTable: Int
        /// The axes the scene's geometry or atmosphere was clamped on (see ``DarkTargetRetrieval/clampedAxes``).
        public var clampedAxes: [SixSTable.Axis]
    }
}
