/// One aerosol model's per-pixel DDV inversion, on 6S terms with gas correction.
///
/// For a candidate AOD τ the 2.2 µm surface reflectance is inverted exactly from the gas-corrected
/// TOA 2.2 µm reflectance, the blue and red surface reflectances follow from the surface ratios, and
/// the modelled TOA blue and red (6S terms of the aerosol model, times the gaseous transmittance) are
/// compared with the observed ones: misfit(τ) = Δblue² + Δred² (equal weights). The minimum over
/// 0...maximumAOD is found by a coarse scan every 0.2 AOD and a golden-section search in the two
/// intervals around the best node, to 0.001 AOD: about 30 misfit evaluations (about 95 table lookups)
/// per pixel, without allocation. All terms come from `AODLookupTable`s built once for the scene.
struct DarkTargetInversion: Sendable {
    let aerosol: AerosolModel
    let surface: DarkVegetationSurface
    let thresholds: DarkTargetThresholds
    let maximumAOD: Double
    let table: AODLookupTable
    /// B8A terms for the surface NDVI test: of the aerosol model where the 6S table has B8A for it,
    /// else continental (only the selection uses them, and NIR path reflectance is small).
    let nirTable: AODLookupTable
    /// The two-way gaseous transmittance of B12, for the gas-corrected 2.2 µm window.
    let swir22Gas: Double

    /// The spacing of the coarse scan, in AOD.
    static let scanStep = 0.2
    /// The width the golden-section search narrows the minimum to, in AOD.
    static let tolerance = 0.001
    /// The largest RMS misfit of blue and red TOA reflectance a retrieval may leave.
    static let maximumRMSMisfit = 0.01

    init(
        table sixS: SixSTable, aerosol: AerosolModel, geometry: SunViewGeometry, gas: GasAbsorption,
        surface: DarkVegetationSurface, thresholds: DarkTargetThresholds, maximumAOD: Double
    ) throws {
        self.aerosol = aerosol
        self.surface = surface
        self.thresholds = thresholds
        self.maximumAOD = maximumAOD
        table = try AODLookupTable(
            table: sixS, aerosol: aerosol, geometry: geometry, gas: gas, bands: [.blue, .red, .swir22])
        nirTable = try AODLookupTable(
            table: sixS, aerosol: sixS.holds(.nir, aerosol: aerosol) ? aerosol : .continental, geometry: geometry,
            gas: gas, bands: [.nir])
        swir22Gas = table.terms(.swir22, aod550: 0).gasTransmittance
    }

    func isDarkVegetation(red: Double, nir: Double, swir22: Double) -> Bool {
        guard red.isFinite, nir.isFinite, swir22.isFinite, red > 0, nir > 0, swir22 > 0 else { return false }
        return (nir - red) / (nir + red) >= thresholds.minimumNDVI && thresholds.swir22.contains(swir22 / swir22Gas)
    }

    /// The outcome of one pixel, with the squared misfit at the minimum (nil when the pixel fails the
    /// TOA pre-filter and no search was made).
    func fit(
        blue: Double, red: Double, nir: Double, swir22: Double
    ) -> (
        outcome: DarkTargetRetrieval.Outcome, misfit: Double?
    ) {
        guard blue.isFinite, blue > 0, isDarkVegetation(red: red, nir: nir, swir22: swir22) else {
            return (.rejected, nil)
        }
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
        let least = min(leftMisfit, rightMisfit)

        if aod >= maximumAOD - Self.tolerance { return (.beyondTable, least) }
        if least > 2 * Self.maximumRMSMisfit * Self.maximumRMSMisfit { return (.rejected, least) }
        // Haze lowers TOA NDVI; the surface under the retrieved AOD must be dense vegetation.
        let surfaceRed = table.terms(.red, aod550: aod).surface(topOfAtmosphere: red)
        let surfaceNIR = nirTable.terms(.nir, aod550: aod).surface(topOfAtmosphere: nir)
        guard (surfaceNIR - surfaceRed) / (surfaceNIR + surfaceRed) >= thresholds.minimumSurfaceNDVI else {
            return (.rejected, least)
        }
        return (.aod(aod <= Self.tolerance ? 0 : aod), least)
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
