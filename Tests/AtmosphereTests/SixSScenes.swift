import Atmosphere
import Foundation

/// Scenes whose TOA reflectances 6S computed directly, one run per pixel and band, at geometries,
/// AODs and atmospheres off the table's nodes (`scripts/aod-lut --fixtures`, Fixtures/6s-scenes.json).
/// Each pixel has its own AOD and box; a test compares a box's mean retrieved AOD with its mean truth.
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
        /// The surface reflectances 6S was given.
        let swir22: Double, blue: Double, red: Double, nir: Double
        /// The true AOD at 550 nm and the box the pixel belongs to.
        let aod550: Double, box: Int
        /// 6S's apparent (TOA) reflectances.
        let toaBlue: Double, toaRed: Double, toaNIR: Double, toaSwir22: Double

        enum CodingKeys: String, CodingKey {
            case swir22, blue, red, nir, aod550, box
            case toaBlue = "toa_blue"
            case toaRed = "toa_red"
            case toaNIR = "toa_nir"
            case toaSwir22 = "toa_swir22"
        }
    }

    /// How the AOD varies across the scene: `uniform`, `gradient` or `patches` (one AOD per box).
    let field: String
    let aerosol: AerosolModel
    let atmosphere: Atmosphere?
    let solarZenith: Double, viewZenith: Double, relativeAzimuth: Double
    let pixels: [Pixel]

    enum CodingKeys: String, CodingKey {
        case field, aerosol, atmosphere, pixels
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

    /// The other aerosol model (the fixtures use two).
    var otherAerosol: AerosolModel { aerosol == .continental ? .maritime : .continental }

    var description: String {
        let aods = pixels.map(\.aod550)
        let aod = field == "uniform" ? "AOD \(aods[0])" : "\(field) AOD \(aods.min() ?? 0)...\(aods.max() ?? 0)"
        let geometry = String(format: "θs %.1f, θv %.1f, φ %.0f", solarZenith, viewZenith, relativeAzimuth)
        return "\(aerosol) \(aod), \(geometry), \(atmosphere?.profile ?? "no gases")"
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

    /// One box's mean truth and mean retrieval, over the box's pixels that were retrieved.
    struct Box: Sendable {
        let index: Int, pixels: Int, retrieved: Int
        let truth: Double, mean: Double
        var error: Double { mean - truth }
    }

    /// The scene retrieved as one block (as the task retrieves a chip), with `aerosol` declared and the
    /// model chosen by `selection`: the model used and every box's means.
    func retrieved(
        declaring aerosol: AerosolModel, selection: AerosolSelection = .fixed, table: SixSTable? = nil
    ) throws -> (aerosol: AerosolModel, boxes: [Box]) {
        let retrieval = try DarkTargetRetrieval(
            geometry: geometry, aerosol: aerosol, selection: selection, gas: gas, table: table)
        let block = retrieval.retrieve(
            blue: pixels.map { Float($0.toaBlue) }, red: pixels.map { Float($0.toaRed) },
            nir: pixels.map { Float($0.toaNIR) }, swir22: pixels.map { Float($0.toaSwir22) },
            usable: pixels.map { _ in true })
        let boxes = Set(pixels.map(\.box)).sorted().map { box in
            let members = pixels.indices.filter { pixels[$0].box == box }
            let retrieved = members.filter { !block.aod[$0].isNaN }
            func mean(_ values: [Double]) -> Double {
                values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
            }
            return Box(
                index: box, pixels: members.count, retrieved: retrieved.count,
                truth: mean(retrieved.map { pixels[$0].aod550 }), mean: mean(retrieved.map { Double(block.aod[$0]) }))
        }
        return (block.aerosol, boxes)
    }
}
