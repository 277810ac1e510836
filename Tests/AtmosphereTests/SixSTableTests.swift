import Crypto
import Foundation
import Testing

@testable import Atmosphere

/// The bundled 6S table: read as scripts/aod-lut wrote it, interpolated without extrapolating.
@Suite("6S table: nodes, interpolation, clamping, physics")
struct SixSTableTests {
    /// The table's files, read here independently of `SixSTable`.
    static let resources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Sources/Atmosphere/Resources").standardized

    static func raw() throws -> (floats: [Float], json: [String: Any]) {
        let data = try Data(contentsOf: resources.appendingPathComponent("aod-lut.bin"))
        let json = try #require(
            JSONSerialization.jsonObject(with: Data(contentsOf: resources.appendingPathComponent("aod-lut.json")))
                as? [String: Any])
        var floats = [Float](repeating: 0, count: data.count / 4)
        _ = floats.withUnsafeMutableBytes { data.copyBytes(to: $0) }
        return (floats, json)
    }

    @Test func theBundledTableReadsAndHoldsWhatItsDescriptionSays() throws {
        let (floats, json) = try Self.raw()
        #expect(json["bytes"] as? Int == floats.count * 4)
        let table = try SixSTable.bundled()
        #expect(table.maximumAOD == 3)
        for band in [SpectralBand.blue, .red, .swir22] {
            #expect(table.holds(band, aerosol: .continental) && table.holds(band, aerosol: .maritime))
        }
        #expect(table.holds(.nir, aerosol: .continental) && table.holds(.swir16, aerosol: .continental))
    }

    /// The committed table is the one its JSON describes (and that scripts/aod-lut wrote): a table
    /// regenerated or edited without its description fails here.
    @Test func theTableBytesHaveTheChecksumTheirDescriptionRecords() throws {
        let bytes = try Data(contentsOf: Self.resources.appendingPathComponent("aod-lut.bin"))
        let (_, json) = try Self.raw()
        let recorded = try #require(json["sha256"] as? String)
        #expect(SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined() == recorded)
        #expect(json["bytes"] as? Int == bytes.count)
    }

    @Test func atANodeTheTermsAreTheStoredValues() throws {
        let (floats, json) = try Self.raw()
        let scattering = try #require(json["scattering"] as? [String: Any])
        let sza = try #require(scattering["solar_zenith"] as? [Double])
        let vza = try #require(scattering["view_zenith"] as? [Double])
        let raz = try #require(scattering["relative_azimuth"] as? [Double])
        let aods = try #require(scattering["aod550"] as? [Double])
        let blocks = try #require(scattering["block"] as? [[String: String]])
        let block = try #require(blocks.firstIndex { $0["aerosol"] == "maritime" && $0["band"] == "red" })
        let (i, j, k) = (3, 1, 0)
        let geometry = SunViewGeometry(solarZenith: sza[i], viewZenith: vza[j], relativeAzimuth: raz[k])
        let nodes = try SixSTable.bundled().termsAtAODNodes(.red, aerosol: .maritime, geometry: geometry, gas: .none)
        for (l, node) in nodes.enumerated() {
            let index = 3 * ((((block * sza.count + i) * vza.count + j) * raz.count + k) * aods.count + l)
            #expect(node.aod550 == aods[l])
            #expect(abs(node.terms.pathReflectance - Double(floats[index])) < 1e-6)
            #expect(abs(node.terms.transmittance - Double(floats[index + 1])) < 1e-6)
            #expect(abs(node.terms.sphericalAlbedo - Double(floats[index + 2])) < 1e-6)
            #expect(node.terms.gasTransmittance == 1)
        }
    }

    @Test func betweenNodesTheTermsLieBetweenTheNeighbours() throws {
        let table = try SixSTable.bundled()
        let low = try table.termsAtAODNodes(
            .blue, aerosol: .continental,
            geometry: SunViewGeometry(solarZenith: 45, viewZenith: 12, relativeAzimuth: 0), gas: .none)
        let high = try table.termsAtAODNodes(
            .blue, aerosol: .continental,
            geometry: SunViewGeometry(solarZenith: 55, viewZenith: 12, relativeAzimuth: 0), gas: .none)
        let middle = try table.termsAtAODNodes(
            .blue, aerosol: .continental,
            geometry: SunViewGeometry(solarZenith: 50, viewZenith: 12, relativeAzimuth: 0), gas: .none)
        for l in middle.indices {
            let (a, b, m) = (low[l].terms.transmittance, high[l].terms.transmittance, middle[l].terms.transmittance)
            #expect(min(a, b) <= m && m <= max(a, b))
        }
    }

    @Test func outsideTheTableTheGeometryIsClampedAndSaid() throws {
        let table = try SixSTable.bundled()
        let inside = SunViewGeometry(solarZenith: 40, viewZenith: 5, relativeAzimuth: 90)
        #expect(table.clampedAxes(geometry: inside, gas: .standard).isEmpty)
        let lowSun = SunViewGeometry(solarZenith: 78, viewZenith: 5, relativeAzimuth: 90)
        #expect(table.clampedAxes(geometry: lowSun, gas: .none) == [.solarZenith])
        let edge = SunViewGeometry(solarZenith: 70, viewZenith: 5, relativeAzimuth: 90)
        let clamped = try table.termsAtAODNodes(.blue, aerosol: .continental, geometry: lowSun, gas: .none)
        let atEdge = try table.termsAtAODNodes(.blue, aerosol: .continental, geometry: edge, gas: .none)
        #expect(clamped.map(\.terms) == atEdge.map(\.terms))
        let wet = GasAbsorption.columns(waterVapour: 8, ozone: 0.3)
        #expect(table.clampedAxes(geometry: inside, gas: wet) == [.waterVapour])
        #expect(throws: SixSTableError.self) {
            try table.termsAtAODNodes(.nir, aerosol: .maritime, geometry: inside, gas: .none)
        }
    }

    @Test(arguments: [SpectralBand.blue, .red, .swir22])
    func pathReflectanceGrowsWithAODAndTransmittanceFalls(band: SpectralBand) throws {
        let table = try SixSTable.bundled()
        for (sza, vza, raz) in [(20.0, 0.0, 0.0), (40, 10, 60), (60, 8, 170)] {
            for aerosol in AerosolModel.allCases {
                let nodes = try table.termsAtAODNodes(
                    band, aerosol: aerosol,
                    geometry: SunViewGeometry(solarZenith: sza, viewZenith: vza, relativeAzimuth: raz),
                    gas: .none)
                for (a, b) in zip(nodes, nodes.dropFirst()) {
                    let place = "\(band) \(aerosol) θs \(sza) τ \(b.aod550)"
                    #expect(b.terms.pathReflectance > a.terms.pathReflectance, "\(place)")
                    #expect(b.terms.transmittance < a.terms.transmittance, "\(place)")
                }
            }
        }
    }

    @Test func gasesAbsorbOzoneInTheVisibleAndWaterVapourAt2Point2Micrometres() throws {
        let table = try SixSTable.bundled()
        let geometry = SunViewGeometry(solarZenith: 40, viewZenith: 5, relativeAzimuth: 90)
        func gas(_ band: SpectralBand, _ water: Double, _ ozone: Double) throws -> Double {
            try table.termsAtAODNodes(
                band, aerosol: .continental, geometry: geometry,
                gas: .columns(waterVapour: water, ozone: ozone))[0].terms.gasTransmittance
        }
        #expect(try gas(.red, 1.4, 0.45) < gas(.red, 1.4, 0.25))
        #expect(try gas(.swir22, 4, 0.3) < gas(.swir22, 0.5, 0.3))
        #expect(try gas(.swir22, 1.42, 0.344) < 0.97)
        #expect(try gas(.red, 1.42, 0.344) < 0.98)
    }
}
