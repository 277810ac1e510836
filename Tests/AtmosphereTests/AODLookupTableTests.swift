import Testing

@testable import Atmosphere

/// Interpolation in the AOD lookup table.
@Suite("AOD lookup table: interpolation matches the model")
struct AODLookupTableTests {
    let transfer = RadiativeTransfer()
    let geometry = SunViewGeometry(solarZenith: 55, viewZenith: 7, relativeAzimuth: 30)

    @Test func offGridLookupsMatchDirectTermsWithin1e4() {
        let table = AODLookupTable(transfer: transfer, geometry: geometry, bands: SpectralBand.allCases)
        for band in SpectralBand.allCases {
            for aod in [0.003, 0.0517, 0.1234, 0.4449, 0.777, 1.2345, 2.005, 2.9951] {
                let looked = table.terms(band, aod550: aod)
                let direct = transfer.terms(band: band, aod550: aod, geometry: geometry)
                #expect(abs(looked.pathReflectance - direct.pathReflectance) < 1e-4, "\(band) \(aod)")
                #expect(abs(looked.transmittance - direct.transmittance) < 1e-4, "\(band) \(aod)")
                #expect(abs(looked.sphericalAlbedo - direct.sphericalAlbedo) < 1e-4, "\(band) \(aod)")
            }
        }
    }

    @Test func theGridRunsFromZeroToTheMaximum() {
        let table = AODLookupTable(transfer: transfer, geometry: geometry, bands: [.blue], maximumAOD: 2, step: 0.05)
        #expect(table.aodGrid.count == 41)
        #expect(table.aodGrid.first == 0)
        #expect(abs(table.aodGrid.last! - 2) < 1e-12)
        #expect(table.terms(.blue, aod550: 0.1) == transfer.terms(band: .blue, aod550: table.aodGrid[2], geometry: geometry))
    }
}
