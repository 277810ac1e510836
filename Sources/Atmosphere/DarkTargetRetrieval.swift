/// The per-pixel DDV retrieval, on 6S terms with gas correction.
///
/// For a candidate AOD τ the 2.2 µm surface reflectance is inverted exactly from the gas-corrected
/// TOA 2.2 µm reflectance, the blue and red surface reflectances follow from the surface ratios, and
/// the modelled TOA blue and red (6S terms of the declared aerosol model, times the gaseous
/// transmittance) are compared with the observed ones: misfit(τ) = Δblue² + Δred² (equal weights).
/// The minimum over 0...maximumAOD is found by a coarse scan every 0.2 AOD and a golden-section search
/// in the two intervals around the best node, to 0.001 AOD: about 30 misfit evaluations (about 95
/// table lookups) per pixel, without allocation. All terms come from an `AODLookupTable` built once
/// for the scene from the bundled 6S table (``SixSTable``).
public struct DarkTargetRetrieval: Sendable, CustomStringConvertible {
    /// The scene's sun and view angles.
    public let geometry: SunViewGeometry
    /// The aerosol model the retrieval assumes.
    public let aerosol: AerosolModel
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
    public var clampedAxes: [SixSTable.Axis] { table.clampedAxes }
    private let table: AODLookupTable
    /// B8A terms for the surface NDVI test: of the declared aerosol model where the 6S table has B8A
    /// for it, else continental (only the selection uses them, and NIR path reflectance is small).
    private let nirTable: AODLookupTable
    /// The two-way gaseous transmittance of B12, for the gas-corrected 2.2 µm window.
    private let swir22Gas: Double

    /// The scene and assumptions, without the table (test diagnostics print it).
    public var description: String {
        "DarkTargetRetrieval(\(geometry), \(aerosol), \(gas), maximum AOD \(maximumAOD))"
    }

    /// The spacing of the coarse scan, in AOD.
    static let scanStep = 0.2
    /// The width the golden-section search narrows the minimum to, in AOD.
    static let tolerance = 0.001
    /// The largest RMS misfit of blue and red TOA reflectance a retrieval may leave.
    static let maximumRMSMisfit = 0.01

    /// A retrieval for one scene; builds the lookup table of blue, red and 2.2 µm from `table`
    /// (default: the bundled 6S table).
    ///
    /// - Throws: ``SixSTableError`` when the bundled table cannot be read.
    public init(
        geometry: SunViewGeometry, aerosol: AerosolModel = .continental, gas: GasAbsorption = .standard,
        table: SixSTable? = nil, surface: DarkVegetationSurface = .kaufman,
        thresholds: DarkTargetThresholds = .standard, maximumAOD: Double = 3
    ) throws {
        let sixS = try table ?? SixSTable.bundled()
        self.geometry = geometry
        self.aerosol = aerosol
        self.gas = gas
        self.surface = surface
        self.thresholds = thresholds
        self.maximumAOD = min(maximumAOD, sixS.maximumAOD)
        self.table = try AODLookupTable(
            table: sixS, aerosol: aerosol, geometry: geometry, gas: gas, bands: [.blue, .red, .swir22])
        self.nirTable = try AODLookupTable(
            table: sixS, aerosol: sixS.holds(.nir, aerosol: aerosol) ? aerosol : .continental, geometry: geometry,
            gas: gas, bands: [.nir])
        self.swir22Gas = self.table.terms(.swir22, aod550: 0).gasTransmittance
    }

    /// Whether a pixel passes the TOA pre-filter of dark vegetation.
    ///
    /// All reflectances must be finite and positive, the TOA NDVI at least `thresholds.minimumNDVI`
    /// and the gas-corrected TOA 2.2 µm reflectance inside `thresholds.swir22`. The surface NDVI test
    /// follows the search (``outcome(blue:red:nir:swir22:)``).
    public func isDarkVegetation(red: Double, nir: Double, swir22: Double) -> Bool {
        guard red.isFinite, nir.isFinite, swir22.isFinite, red > 0, nir > 0, swir22 > 0 else { return false }
        return (nir - red) / (nir + red) >= thresholds.minimumNDVI && thresholds.swir22.contains(swir22 / swir22Gas)
    }

    /// AOD at 550 nm from one pixel's TOA reflectances, or nil when the pixel is not dark dense
    /// vegetation or no AOD in 0...maximumAOD explains it.
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

    /// The outcome of one pixel's TOA reflectances (see ``retrieve(blue:red:nir:swir22:)``).
    public func outcome(blue: Double, red: Double, nir: Double, swir22: Double) -> Outcome {
        guard blue.isFinite, blue > 0, isDarkVegetation(red: red, nir: nir, swir22: swir22) else { return .rejected }
        let pixel = (blue: blue, red: red, swir22: swir22)

        // Coarse scan; the last node sits at maximumAOD.
        let nodes = Int((maximumAOD / Self.scanStep).rounded(.up))
        var best = 0
        var bestMisfit = misfit(0, pixel)
        for k in 1...nodes {
            let value = misfit(min(Double(k) * Self.scanStep, maximumAOD), pixel)
            if value < bestMisfit {
                best = k
                bestMisfit = value
            }
        }

        // Golden section on the intervals either side of the best node.
        var low = max(0, Double(best - 1) * Self.scanStep)
        var high = min(Double(best + 1) * Self.scanStep, maximumAOD)
        let ratio = (5.0.squareRoot() - 1) / 2
        var left = high - ratio * (high - low)
        var right = low + ratio * (high - low)
        var leftMisfit = misfit(left, pixel)
        var rightMisfit = misfit(right, pixel)
        while high - low > Self.tolerance {
            if leftMisfit <= rightMisfit {
                high = right
                right = left
                rightMisfit = leftMisfit
                left = high - ratio * (high - low)
                leftMisfit = misfit(left, pixel)
            } else {
                low = left
                left = right
                leftMisfit = rightMisfit
                right = low + ratio * (high - low)
                rightMisfit = misfit(right, pixel)
            }
        }
        let aod = (low + high) / 2

        if aod >= maximumAOD - Self.tolerance { return .beyondTable }
        if min(leftMisfit, rightMisfit) > 2 * Self.maximumRMSMisfit * Self.maximumRMSMisfit { return .rejected }
        // Haze lowers TOA NDVI; the surface under the retrieved AOD must be dense vegetation.
        let surfaceRed = table.terms(.red, aod550: aod).surface(topOfAtmosphere: red)
        let surfaceNIR = nirTable.terms(.nir, aod550: aod).surface(topOfAtmosphere: nir)
        guard (surfaceNIR - surfaceRed) / (surfaceNIR + surfaceRed) >= thresholds.minimumSurfaceNDVI else {
            return .rejected
        }
        return .aod(aod <= Self.tolerance ? 0 : aod)
    }

    /// Block form: one AOD per pixel, Float.nan where not retrievable or where `usable[i]` is false
    /// (masked by the scene classification) or any input is not finite; with the number of pixels
    /// whose AOD lies beyond the table and the axes the scene was clamped on.
    ///
    /// All five arrays must have the same length.
    public func retrieve(blue: [Float], red: [Float], nir: [Float], swir22: [Float], usable: [Bool]) -> BlockResult {
        let count = usable.count
        precondition(
            blue.count == count && red.count == count && nir.count == count && swir22.count == count,
            "the bands and the mask must have the same length")
        var beyond = 0
        let aod = (0..<count).map { i -> Float in
            guard usable[i] else { return .nan }
            switch outcome(blue: Double(blue[i]), red: Double(red[i]), nir: Double(nir[i]), swir22: Double(swir22[i])) {
            case .aod(let value): return Float(value)
            case .rejected: return .nan
            case .beyondTable:
                beyond += 1
                return .nan
            }
        }
        return BlockResult(aod: aod, beyondTable: beyond, clampedAxes: clampedAxes)
    }

    /// The AOD of a block of pixels, and what lay outside the 6S table.
    public struct BlockResult: Sendable {
        /// One AOD per pixel, NaN where not retrieved.
        public var aod: [Float]
        /// Pixels not retrieved because their AOD lies beyond the table's largest.
        public var beyondTable: Int
        /// The axes the scene's geometry or atmosphere was clamped on (see ``DarkTargetRetrieval/clampedAxes``).
        public var clampedAxes: [SixSTable.Axis]
    }

    /// Squared blue and red TOA misfit of the dark-vegetation surface under `aod`.
    private func misfit(_ aod: Double, _ pixel: (blue: Double, red: Double, swir22: Double)) -> Double {
        // The 2.2 µm band is inverted exactly (gas-corrected), then the surface ratios give blue and red.
        let swirSurface = table.terms(.swir22, aod550: aod).surface(topOfAtmosphere: pixel.swir22)
        let blue =
            table.terms(.blue, aod550: aod).topOfAtmosphere(surface: surface.blueToSwir22 * swirSurface) - pixel.blue
        let red = table.terms(.red, aod550: aod).topOfAtmosphere(surface: surface.redToSwir22 * swirSurface) - pixel.red
        return blue * blue + red * red
    }
}
