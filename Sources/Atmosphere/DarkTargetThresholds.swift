/// Which pixels count as dark dense vegetation (on TOA reflectance).
public struct DarkTargetThresholds: Sendable, Hashable, Codable {
    /// The lowest NDVI, (ρ_B8A − ρ_B04) / (ρ_B8A + ρ_B04), computed from TOA reflectance.
    public var minimumNDVI: Double
    /// The window the TOA 2.2 µm (B12) reflectance must fall in.
    public var swir22: ClosedRange<Double>

    /// Thresholds from the lowest TOA NDVI and the TOA 2.2 µm reflectance window.
    public init(minimumNDVI: Double, swir22: ClosedRange<Double>) {
        self.minimumNDVI = minimumNDVI
        self.swir22 = swir22
    }

    /// TOA NDVI ≥ 0.25 and TOA ρ2.2 in 0.01...0.25.
    ///
    /// The 2.2 µm window is MODIS Collection 5's (Levy et al. 2007, JGR 112, D13211). Haze lowers
    /// the TOA NDVI of vegetation (the path reflectance adds more to red than to NIR); under this
    /// package's radiative model the darkest-NIR vegetation kept (surface NIR 0.25, red 0.05) still
    /// has a TOA NDVI ≥ 0.30 at AOD 1.5 for solar zenith ≤ 60° and view zenith ≤ 12°. A surface with
    /// NDVI 0.2 (bare soil) reaches at most 0.19 at the top of the atmosphere when its red reflectance
    /// is ≤ 0.15 and 0.24 when it is 0.3 (AOD ≤ 1.5; the higher NIR transmittance raises it slightly),
    /// and water (NIR < 0.05, red above NIR) is negative: 0.25 sits between.
    public static let standard = DarkTargetThresholds(minimumNDVI: 0.25, swir22: 0.01...0.25)
}
