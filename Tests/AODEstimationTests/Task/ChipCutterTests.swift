import Atmosphere
import Foundation
import GeoKit
import Sentinel2
import TaskforgeTestSupport
import Testing

@testable import Tasks

/// Stage data_processing's chips on a synthetic scene: as many as cover the box, contiguous, the box
/// marked in each; and the masks of stage model_prediction on them.
@Suite("AOD: chips and masks")
struct ChipCutterTests {
    private static let box = SceneFolder.box(10.0, 45.0, size: 0.05)

    /// The scene of `spec` cut into chips and read back; the GDAL work runs off the task threads.
    private func cut(_ spec: SyntheticCatalogSpec, chipSize: Int) async throws -> (Scene, [ChipBands], SceneFolder) {
        let folder = try SceneFolder()
        try await folder.write(spec)
        let (url, box) = (folder.url, Self.box)
        let cut = try await offTaskThreads {
            guard let scene = try LocalSceneCatalog(folder: url).scenes.first else {
                throw TestFailure("no scene was written")
            }
            let output = url.appendingPathComponent("chips")
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
            let chips = try ChipCutter(scene: scene, bbox: box, chipSize: chipSize).cut(into: output) {
                "chip-\($0)-\($1).tif"
            }
            return HandedOver(
                (scene, chips.map { "\($0.row),\($0.column)" }, try chips.map { try ChipBands(reading: $0.file) }))
        }
        let (scene, positions, chips) = cut.value
        #expect(positions == ["0,0", "0,1", "1,0", "1,1"])
        return (scene, chips, folder)
    }

    @Test func chipsCoverTheBoxContiguouslyAndMarkItsCells() async throws {
        // The box is about 3.9 km x 5.6 km: 66 x 93 cells of 60 m, so 2 x 2 chips of 64 cells.
        let spec = SyntheticCatalogSpec(
            areas: [Self.box], dates: [SceneFolder.day("2024-06-01")], pixelSize: 60, aod: .uniform(0.3), seed: 1)
        let (_, chips, _) = try await cut(spec, chipSize: 64)
        #expect(chips.allSatisfy { $0.width == 64 && $0.height == 64 })
        #expect(chips[1].transform.originX == chips[0].transform.originX + 64 * 60)
        #expect(chips[2].transform.originY == chips[0].transform.originY - 64 * 60)
        let cellsInBox = chips.reduce(0) { $0 + $1[.bbox].filter { $0 == 1 }.count }
        let boxArea = (0.05 * 111_320 * cos(45.025 * .pi / 180)) * (0.05 * 111_132)
        #expect(abs(Double(cellsInBox) * 3600 / boxArea - 1) < 0.03, "\(cellsInBox) cells in the box")
        // The east chips reach past the box: their last columns are outside it.
        #expect(chips[1][.bbox][63] == 0 && chips[0][.bbox][0...63].contains(1))
        // Reflectances come as physical values, the classification as classes.
        let blue = chips[0][.b02].filter(\.isFinite)
        #expect(!blue.isEmpty && blue.allSatisfy { $0 > 0 && $0 < 1 })
        #expect(Set(chips[0][.scl].filter(\.isFinite).map(Int.init)).isSubset(of: [3, 4, 5, 6, 8, 9]))
        #expect(chips[0][.aot].filter(\.isFinite).allSatisfy { abs($0 - 0.3) < 0.0011 })
    }

    @Test func cloudsShadowsAndWaterAreNeverRetrieved() async throws {
        let spec = SyntheticCatalogSpec(
            areas: [Self.box], dates: [SceneFolder.day("2024-06-01")], pixelSize: 60, aod: .uniform(0.4),
            cloudFraction: 0.3, waterFraction: 0.15, seed: 3)
        let (scene, chips, _) = try await cut(spec, chipSize: 64)
        var masked = 0
        var vegetation = 0
        var vegetationRetrieved = 0
        for chip in chips {
            let aod = try DarkDenseVegetationModel().estimate(chip, geometry: scene.geometry).aod
            for (cellClass, value) in zip(chip[.scl], aod) where cellClass.isFinite {
                if [3, 6, 8, 9].contains(Int(cellClass)) {
                    masked += 1
                    #expect(value.isNaN, "class \(cellClass) retrieved as \(value)")
                } else if cellClass == 4 {
                    vegetation += 1
                    if value.isFinite { vegetationRetrieved += 1 }
                }
            }
        }
        #expect(masked > 500, "the scene has clouds, shadows and water")
        #expect(
            Double(vegetationRetrieved) > 0.9 * Double(vegetation),
            "\(vegetationRetrieved) of \(vegetation) vegetation cells")
    }

    /// The output names every aerosol model and 6S table axis the retrieval can report, so the model's
    /// mapping onto the output's enums never drops one.
    @Test func theOutputNamesEveryAerosolModelAndTableAxis() {
        #expect(Set(AerosolModel.allCases.map(\.rawValue)) == Set(AodRetrieval.AerosolModel.allCases.map(\.rawValue)))
        #expect(Set(SixSTable.Axis.allCases.map(\.rawValue)) == Set(AodRetrieval.ClampedAxis.allCases.map(\.rawValue)))
    }

    /// A humid scene (4.5 g/cm² of water vapour; its TOA reflectances modelled through the 6S table
    /// with that column) carries its L2A WVP band into the chips, and the model corrects B12 for it:
    /// the retrieval comes out as over the same land under the standard atmosphere (1.42 g/cm²),
    /// while the same humid scene without the band, read with the standard column and saying so, is
    /// biased by the humidity.
    @Test func theScenesWaterVapourReachesTheChipsAndCorrectsTheRetrieval() async throws {
        func scene(waterVapour: Double, band: Bool) -> SyntheticCatalogSpec {
            SyntheticCatalogSpec(
                areas: [Self.box], dates: [SceneFolder.day("2024-06-01")], pixelSize: 60, aod: .uniform(0.3),
                waterVapour: waterVapour, includeWVP: band, seed: 2)
        }
        func retrieve(
            _ spec: SyntheticCatalogSpec
        ) async throws -> (chips: [ChipBands], estimates: [AODEstimate], mean: Double) {
            let (scene, chips, _) = try await cut(spec, chipSize: 64)
            let estimates = try chips.map { try DarkDenseVegetationModel().estimate($0, geometry: scene.geometry) }
            let values = estimates.flatMap(\.aod).filter(\.isFinite)
            return (chips, estimates, values.reduce(0) { $0 + Double($1) } / Double(max(1, values.count)))
        }

        let humid = try await retrieve(scene(waterVapour: 4.5, band: true))
        for chip in humid.chips {
            #expect(chip[.wvp].filter(\.isFinite).allSatisfy { abs($0 - 4.5) < 0.0011 })
            #expect(abs((chip.meanWaterVapour ?? 0) - 4.5) < 0.0011)
        }
        for estimate in humid.estimates {
            #expect(estimate.retrieval?.waterVapourSource == .scene)
            #expect(abs((estimate.retrieval?.waterVapour ?? 0) - 4.5) < 0.0011)
            #expect(estimate.retrieval?.clampedAxes == [])
        }

        let bandless = try await retrieve(scene(waterVapour: 4.5, band: false))
        #expect(bandless.chips.allSatisfy { $0[.wvp].allSatisfy(\.isNaN) && $0.meanWaterVapour == nil })
        for estimate in bandless.estimates {
            #expect(estimate.retrieval?.waterVapourSource == .standard)
            #expect(estimate.retrieval?.waterVapour == 1.42)
        }

        let standard = try await retrieve(scene(waterVapour: 1.42, band: false))
        let (corrected, uncorrected) = (humid.mean - standard.mean, bandless.mean - standard.mean)
        print(
            String(
                format:
                    "mean AOD of a 4.5 g/cm² scene minus the same land at 1.42: %+.4f with its WVP band, %+.4f without",
                corrected, uncorrected))
        #expect(uncorrected > 0.003, "an uncorrected humid B12 reads as a darker surface, so more aerosol")
        #expect(abs(corrected) < 0.25 * uncorrected, "\(corrected) with the band, \(uncorrected) without")
    }
}
