import Atmosphere
import Foundation

/// Scenes whose TOA reflectances 6S computed directly, one run per pixel and band, at geometries,
/// AODs and atmospheres off the table's nodes (`scripts/aod-lut --fixtures`, Fixtures/6s-scenes.json).
struct SixSScene: Decodable, Sendable, CustomStringConvertible {
    struct Atmosphere: Decodable, Sendable {
        let profile: String
        let waterVapour: Double
        let ozone: Double

        enum CodingKeys: String, CodingKey {
            case profile, ozone
            case waterVapour = "water_vapour"
        }
    }

    struct Pixel: Decodable, Sendable {
        let swir22: Double, blue: Double, red: Double, nir: Double
        let toaBlue: Double, toaRed: Double, toaNIR: Double, toaSwir22: Double

        enum CodingKeys: String, CodingKey {
            case swir22, blue, red, nir
            case toaBlue = "toa_blue"
            case toaRed = "toa_red"
            case toaNIR = "toa_nir"
            case toaSwir22 = "toa_swir22"
        }
    }

    let aerosol: AerosolModel
    let aod550: Double
    let atmosphere: Atmosphere?
    let solarZenith: Double, viewZenith: Double, relativeAzimuth: Double
    let pixels: [Pixel]

    enum CodingKeys: String, CodingKey {
        case aerosol, aod550, atmosphere, pixels
        case solarZenith = "solar_zenith"
        case viewZenith = "view_zenith"
        case relativeAzimuth = "relative_azimuth"
    }

    var geometry: SunViewGeometry {
        SunViewGeometry(solarZenith: solarZenith, viewZenith: viewZenith, relativeAzimuth: relativeAzimuth)
    }

    /// The gases the scene was made with, as a scene's metadata would give them.
    var gas: GasAbsorption {
        atmosphere.map { .columns(waterVapour: $0.waterVapour, ozone: $0.ozone) } ?? .none
    }

    var description: String {
        let gases = atmosphere?.profile ?? "no gases"
        return "\(aerosol) AOD \(aod550), θs \(solarZenith), θv \(viewZenith), φ \(relativeAzimuth), \(gases)"
    }

    /// Every scene of the fixture.
    static let all: [SixSScene] = {
        struct Document: Decodable { let scenes: [SixSScene] }
        guard let url = Bundle.module.url(forResource: "6s-scenes", withExtension: "json", subdirectory: "Fixtures"),
            let data = try? Data(contentsOf: url),
            let document = try? JSONDecoder().decode(Document.self, from: data)
        else { return [] }
        return document.scenes
    }()

    /// The mean retrieved AOD over the scene's pixels and how many were retrieved, with `aerosol`
    /// declared to the retrieval.
    func retrieved(declaring aerosol: AerosolModel) throws -> (mean: Double, count: Int) {
        let retrieval = try DarkTargetRetrieval(geometry: geometry, aerosol: aerosol, gas: gas)
        let values = pixels.compactMap {
            retrieval.retrieve(blue: $0.toaBlue, red: $0.toaRed, nir: $0.toaNIR, swir22: $0.toaSwir22)
        }
        return (values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count), values.count)
    }
}
