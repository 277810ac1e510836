/// Which pixels count as dark dense vegetation.
public struct DarkTargetThresholds: Sendable, Hashable, Codable {
    /// The lowest NDVI, (ρ_B8A − ρ_B04) / (ρ_B8A + ρ_B04), of the TOA reflectances: a cheap pre-filter
    /// that drops water and clouds before the search.
    public var minimumNDVI: Double
    /// The lowest NDVI of the surface reflectances at the retrieved AOD (red and NIR inverted through
    /// the 6S terms): dense vegetation, not soil or haze.
    public var minimumSurfaceNDVI: Double
    /// The window the gas-corrected TOA 2.2 µm (B12) reflectance must fall in.
    public var swir22: ClosedRange<Double>

    /// Thresholds from the lowest TOA NDVI, the lowest surface NDVI and the 2.2 µm window.
    public init(minimumNDVI: Double, minimumSurfaceNDVI: Double, swir22: ClosedRange<Double>) {
        self.minimumNDVI = minimumNDVI
        self.minimumSurfaceNDVI = minimumSurfaceNDVI
        self.swir22 = swir22
    }

    /// TOA NDVI ≥ 0.1, surface NDVI ≥ 0.4 at the retrieved AOD, gas-corrected TOA ρ2.2 in 0.01...0.25.
    ///
    /// The 2.2 µm window is MODIS Collection 5's (Levy et al. 2007, JGR 112, D13211), on reflectance
    /// corrected for gases as MODIS does. Haze lowers the TOA NDVI of vegetation: under 6S the darkest
    /// vegetation kept (surface NIR 0.25, red 0.05) has a TOA NDVI of 0.15 at AOD 1.5 and solar zenith
    /// 65°, below bright soil's at AOD 0 (0.2), so no TOA threshold separates them; the TOA test only
    /// drops water (negative) and clouds (≈ 0), and the NDVI of the surface at the retrieved AOD
    /// decides: dark vegetation on the surface ratios (red ≤ 0.075, NIR ≥ 0.25) has ≥ 0.54, bare soil
    /// ≲ 0.35.
    public static let standard = DarkTargetThresholds(minimumNDVI: 0.1, minimumSurfaceNDVI: 0.4, swir22: 0.01...0.25)
}
