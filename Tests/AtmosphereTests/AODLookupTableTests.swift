import Testing

@testable import Atmosphere

/// The per-scene AOD table resampled from the 6S table.
@Suite("AOD lookup table: exact at the 6S nodes, linear between, clamped beyond")
struct AODLookupTableTests {
    let geometry = SunViewGeometry(solarZenith: 52, viewZenith: 7, relativeAzimuth: 30)

    @Test(arguments: [GasAbsorption.none, .standard])
    func atTheSixSNodesTheTermsAreTheTables(gas: GasAbsorption) throws {
        let sixS = try SixSTable.bundled()
        let table = try AODLookupTable(
            table: sixS, aerosol: .continental, geometry: geometry, gas: gas,
            bands: [.blue, .swir22])
        for band in [SpectralBand.blue, .swir22] {
            let nodes = try sixS.termsAtAODNodes(band, aerosol: .continental, geometry: geometry, gas: gas)
            for node in nodes {
                let looked = table.terms(band, aod550: node.aod550)
                #expect(abs(looked.pathReflectance - node.terms.pathReflectance) < 1e-12, "\(band) \(node.aod550)")
                #expect(abs(looked.transmittance - node.terms.transmittance) < 1e-12, "\(band) \(node.aod550)")
                #expect(abs(looked.sphericalAlbedo - node.terms.sphericalAlbedo) < 1e-12, "\(band) \(node.aod550)")
                #expect(abs(looked.gasTransmittance - node.terms.gasTransmittance) < 1e-12, "\(band) \(node.aod550)")
            }
            // Halfway between two 6S nodes is the mean of their terms (linear in AOD).
            for (a, b) in zip(nodes, nodes.dropFirst()) {
                let half = table.terms(band, aod550: (a.aod550 + b.aod550) / 2).pathReflectance
                #expect(abs(half - (a.terms.pathReflectance + b.terms.pathReflectance) / 2) < 1e-12)
            }
        }
    }

    @Test func beyondTheTableTheTermsAreClampedToItsEnds() throws {
        let table = try AODLookupTable(
            table: SixSTable.bundled(), aerosol: .maritime, geometry: geometry, gas: .none,
            bands: [.red])
        #expect(table.maximumAOD == 3)
        #expect(table.terms(.red, aod550: 4.5) == table.terms(.red, aod550: 3))
        #expect(table.terms(.red, aod550: -1) == table.terms(.red, aod550: 0))
        #expect(table.clampedAxes.isEmpty)
    }
}
