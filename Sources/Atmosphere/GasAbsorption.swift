/// The absorbing gases of the atmosphere, for the gas correction of top-of-atmosphere reflectance.
///
/// Ozone absorbs in B02 and B04, water vapour (and methane, carbon dioxide, which 6S's standard profile
/// holds fixed) in B12; the bundled 6S table gives the two-way transmittance of their columns along
/// the sun's and the sensor's paths.
public enum GasAbsorption: Sendable, Hashable, Codable {
    /// No gaseous absorption (for tests, or reflectances already corrected for gases).
    case none
    /// Gases of 6S's US62 profile scaled to a water vapour column (g/cm²) and an ozone column (cm-atm,
    /// Dobson units / 1000).
    case columns(waterVapour: Double, ozone: Double)

    /// The US Standard Atmosphere 1962: 1.42 g/cm² water vapour, 0.344 cm-atm ozone. What the retrieval
    /// assumes when a scene gives no columns of its own.
    public static let standard = GasAbsorption.standard(waterVapour: 1.42)

    /// The US Standard Atmosphere 1962 with `waterVapour` (g/cm²) in place of its water vapour column:
    /// a scene's own column (Sentinel-2 L2A's WVP band) with the standard ozone.
    public static func standard(waterVapour: Double) -> GasAbsorption {
        .columns(waterVapour: waterVapour, ozone: 0.344)
    }

    /// The water vapour column (g/cm²); nil for ``none``.
    public var waterVapour: Double? {
        if case .columns(let waterVapour, _) = self { waterVapour } else { nil }
    }
}
