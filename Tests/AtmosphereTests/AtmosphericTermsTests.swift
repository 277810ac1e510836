import Testing

@testable import Atmosphere

/// The surface ↔ top-of-atmosphere coupling and its inverse.
@Suite("Atmospheric terms: the TOA coupling inverts exactly")
struct AtmosphericTermsTests {
    @Test(arguments: [1.0, 0.93, 0.6])
    func surfaceInvertsTopOfAtmosphereOverAGridOfReflectances(gas: Double) {
        for (path, transmittance, albedo) in [(0.0, 1.0, 0.0), (0.09, 0.7, 0.17), (0.25, 0.35, 0.4)] {
            let terms = AtmosphericTerms(
                pathReflectance: path, transmittance: transmittance, sphericalAlbedo: albedo,
                gasTransmittance: gas)
            for surface in stride(from: 0.0, through: 1.0, by: 0.05) {
                let toa = terms.topOfAtmosphere(surface: surface)
                #expect(abs(terms.surface(topOfAtmosphere: toa) - surface) < 1e-12)
            }
        }
    }

    @Test func theCouplingIsSixSs() {
        // ρtoa = Tg (ρpath + T ρs / (1 − S ρs)), worked by hand: 0.9 (0.08 + 0.7 · 0.1 / (1 − 0.02)).
        let terms = AtmosphericTerms(
            pathReflectance: 0.08, transmittance: 0.7, sphericalAlbedo: 0.2, gasTransmittance: 0.9)
        #expect(abs(terms.topOfAtmosphere(surface: 0.1) - 0.9 * (0.08 + 0.07 / 0.98)) < 1e-15)
        #expect(abs(terms.topOfAtmosphere(surface: 0) - 0.072) < 1e-15)
    }
}
