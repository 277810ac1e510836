/// The optical properties of the aerosol: Ångström exponent, single-scattering albedo, Henyey–Greenstein asymmetry.
public struct AerosolModel: Sendable, Hashable, Codable {
    /// Ångström exponent α of τa(λ) = τ550 (λ / 0.55 µm)^−α, taken as wavelength independent.
    public var angstromExponent: Double
    /// Single-scattering albedo ω (scattering / extinction), taken as wavelength independent.
    public var singleScatteringAlbedo: Double
    /// Asymmetry parameter g of the Henyey–Greenstein phase function (−1...1, 0 = isotropic).
    public var asymmetry: Double

    /// An aerosol model from its Ångström exponent, single-scattering albedo and asymmetry parameter.
    public init(angstromExponent: Double, singleScatteringAlbedo: Double, asymmetry: Double) {
        self.angstromExponent = angstromExponent
        self.singleScatteringAlbedo = singleScatteringAlbedo
        self.asymmetry = asymmetry
    }

    /// A fine-mode dominated continental aerosol: α = 1.3 (Ångström's 1929 "typical" exponent,
    /// the usual continental value), ω = 0.92 and g = 0.65, inside the ranges AERONET reports for
    /// continental / urban-industrial aerosol at 550 nm (Dubovik et al. 2002, J. Atmos. Sci. 59,
    /// 590–608) and close to the OPAC "continental average" model (Hess et al. 1998, BAMS 79, 831–844).
    public static let continental = AerosolModel(angstromExponent: 1.3, singleScatteringAlbedo: 0.92, asymmetry: 0.65)
}
