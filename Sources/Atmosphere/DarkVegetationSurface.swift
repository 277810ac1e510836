/// Surface reflectance of dark dense vegetation from its SWIR 2.2 µm reflectance (Kaufman et al. 1997: blue = 0.25·ρ2.2, red = 0.5·ρ2.2).
///
/// Kaufman, Y. J., Wald, A. E., Remer, L. A., Gao, B.-C., Li, R.-R. & Flynn, L. (1997), "The MODIS
/// 2.1-µm channel — correlation with visible reflectance for use in remote sensing of aerosol",
/// IEEE TGRS 35(5), 1286–1298. The ratios scatter by roughly ±0.005–0.01 in blue reflectance.
public struct DarkVegetationSurface: Sendable, Hashable, Codable {
    /// ρs(blue) / ρs(2.2 µm).
    public var blueToSwir22: Double
    /// ρs(red) / ρs(2.2 µm).
    public var redToSwir22: Double

    /// A surface model from its two ratios.
    public init(blueToSwir22: Double, redToSwir22: Double) {
        self.blueToSwir22 = blueToSwir22
        self.redToSwir22 = redToSwir22
    }

    /// Kaufman et al. (1997): blue = 0.25 ρ2.2, red = 0.5 ρ2.2.
    public static let kaufman = DarkVegetationSurface(blueToSwir22: 0.25, redToSwir22: 0.5)
}
