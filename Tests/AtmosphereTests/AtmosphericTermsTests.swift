import Testing

@testable import Atmosphere

/// The surface ↔ top-of-atmosphere coupling and its inverse.
@Suite("Atmospheric terms: the TOA coupling inverts exactly")
struct AtmosphericTermsTests {
    @Test func surfaceInvertsTopOfAtmosphereOverAGridOfReflectancesAndAODs() {
        let transfer = RadiativeTransfer()
        let geometry = SunViewGeometry(solarZenith: 50, viewZenith: 10, relativeAzimuth: 60)
        for band in SpectralBand.allCases {
            for aod in stride(from: 0.0, through: 3.0, by: 0.25) {
                let terms = transfer.terms(band: band, aod550: aod, geometry: geometry)
                for surface in stride(from: 0.0, through: 1.0, by: 0.05) {
                    let toa = terms.topOfAtmosphere(surface: surface)
                    #expect(abs(terms.surface(topOfAtmosphere: toa) - surface) < 1e-12)
                    #expect(abs(terms.topOfAtmosphere(surface: terms.surface(topOfAtmosphere: toa)) - toa) < 1e-12)
                }
            }
        }
    }

    @Test func aBlackSurfaceShowsOnlyThePathReflectance() {
        let terms = AtmosphericTerms(pathReflectance: 0.07, transmittance: 0.8, sphericalAlbedo: 0.1)
        #expect(terms.topOfAtmosphere(surface: 0) == 0.07)
        #expect(terms.surface(topOfAtmosphere: 0.07) == 0)
    }
}
