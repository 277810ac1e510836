/// The per-pixel DDV retrieval.
///
/// For a candidate AOD τ the 2.2 µm surface reflectance is inverted exactly from the TOA 2.2 µm
/// reflectance, the blue and red surface reflectances follow from the surface ratios, and the
/// modelled TOA blue and red are compared with the observed ones: misfit(τ) = Δblue² + Δred²
/// (equal weights). The minimum over 0...maximumAOD is found by a coarse scan every 0.2 AOD and a
/// golden-section search in the two intervals around the best node, to 0.001 AOD: about 30 misfit
/// evaluations (about 95 table lookups) per pixel, without allocation. All terms come from an
/// `AODLookupTable` (step 0.01) built once for the geometry.
public struct DarkTargetRetrieval: Sendable {
    /// The scene's sun and view angles.
    public let geometry: SunViewGeometry
    /// The radiative transfer model the lookup table is built from.
    public let transfer: RadiativeTransfer
    /// The surface ratios of dark dense vegetation.
    public let surface: DarkVegetationSurface
    /// The dark-vegetation pixel test.
    public let thresholds: DarkTargetThresholds
    /// The largest AOD (550 nm) the retrieval considers.
    public let maximumAOD: Double
    private let table: AODLookupTable

    /// The spacing of the coarse scan, in AOD.
    static let scanStep = 0.2
    /// The width the golden-section search narrows the minimum to, in AOD.
    static let tolerance = 0.001
    /// The largest RMS misfit of blue and red TOA reflectance a retrieval may leave.
    static let maximumRMSMisfit = 0.01

    /// A retrieval for one scene geometry; builds the lookup table for blue, red and 2.2 µm.
    public init(geometry: SunViewGeometry, transfer: RadiativeTransfer = RadiativeTransfer(), surface: DarkVegetationSurface = .kaufman, thresholds: DarkTargetThresholds = .standard, maximumAOD: Double = 3) {
        self.geometry = geometry
        self.transfer = transfer
        self.surface = surface
        self.thresholds = thresholds
        self.maximumAOD = maximumAOD
        self.table = AODLookupTable(transfer: transfer, geometry: geometry, bands: [.blue, .red, .swir22], maximumAOD: maximumAOD)
    }

    /// Whether a pixel passes the dark-vegetation thresholds.
    ///
    /// All reflectances must be finite and positive, the TOA NDVI at least `thresholds.minimumNDVI`
    /// and the TOA 2.2 µm reflectance inside `thresholds.swir22`.
    public func isDarkVegetation(red: Double, nir: Double, swir22: Double) -> Bool {
        guard red.isFinite, nir.isFinite, swir22.isFinite, red > 0, nir > 0, swir22 > 0 else { return false }
        return (nir - red) / (nir + red) >= thresholds.minimumNDVI && thresholds.swir22.contains(swir22)
    }

    /// AOD at 550 nm from one pixel's TOA reflectances, or nil when the pixel is not dark dense vegetation or no AOD in 0...maximumAOD explains it.
    ///
    /// Nil also when the best fit lies at `maximumAOD` (the misfit still falls there: the AOD is
    /// beyond the table) or its RMS TOA misfit exceeds 0.01. A best fit at 0 gives 0.
    public func retrieve(blue: Double, red: Double, nir: Double, swir22: Double) -> Double? {
        guard blue.isFinite, blue > 0, isDarkVegetation(red: red, nir: nir, swir22: swir22) else { return nil }
        let pixel = (blue: blue, red: red, swir22: swir22)

        // Coarse scan; the last node sits at maximumAOD.
        let nodes = Int((maximumAOD / Self.scanStep).rounded(.up))
        var best = 0, bestMisfit = misfit(0, pixel)
        for k in 1...nodes {
            let value = misfit(min(Double(k) * Self.scanStep, maximumAOD), pixel)
            if value < bestMisfit { best = k; bestMisfit = value }
        }

        // Golden section on the intervals either side of the best node.
        var low = max(0, Double(best - 1) * Self.scanStep)
        var high = min(Double(best + 1) * Self.scanStep, maximumAOD)
        let ratio = (5.0.squareRoot() - 1) / 2
        var left = high - ratio * (high - low), right = low + ratio * (high - low)
        var leftMisfit = misfit(left, pixel), rightMisfit = misfit(right, pixel)
        while high - low > Self.tolerance {
            if leftMisfit <= rightMisfit {
                high = right; right = left; rightMisfit = leftMisfit
                left = high - ratio * (high - low); leftMisfit = misfit(left, pixel)
            } else {
                low = left; left = right; leftMisfit = rightMisfit
                right = low + ratio * (high - low); rightMisfit = misfit(right, pixel)
            }
        }
        let aod = (low + high) / 2

        if aod >= maximumAOD - Self.tolerance { return nil }
        if min(leftMisfit, rightMisfit) > 2 * Self.maximumRMSMisfit * Self.maximumRMSMisfit { return nil }
        return aod <= Self.tolerance ? 0 : aod
    }

    /// Block form: one AOD per pixel, Float.nan where not retrievable or where `usable[i]` is false (masked by the scene classification) or any input is not finite.
    ///
    /// All five arrays must have the same length.
    public func retrieve(blue: [Float], red: [Float], nir: [Float], swir22: [Float], usable: [Bool]) -> [Float] {
        let count = usable.count
        precondition(blue.count == count && red.count == count && nir.count == count && swir22.count == count,
                     "the bands and the mask must have the same length")
        return (0..<count).map { i in
            guard usable[i],
                  let aod = retrieve(blue: Double(blue[i]), red: Double(red[i]), nir: Double(nir[i]), swir22: Double(swir22[i]))
            else { return .nan }
            return Float(aod)
        }
    }

    /// Squared blue and red TOA misfit of the dark-vegetation surface under `aod`.
    private func misfit(_ aod: Double, _ pixel: (blue: Double, red: Double, swir22: Double)) -> Double {
        let swirSurface = table.terms(.swir22, aod550: aod).surface(topOfAtmosphere: pixel.swir22)
        let blue = table.terms(.blue, aod550: aod).topOfAtmosphere(surface: surface.blueToSwir22 * swirSurface) - pixel.blue
        let red = table.terms(.red, aod550: aod).topOfAtmosphere(surface: surface.redToSwir22 * swirSurface) - pixel.red
        return blue * blue + red * red
    }
}
