import Foundation
import Testing

@testable import Atmosphere

/// Accuracy against 6S itself, on scenes the retrieval's code did not make (Fixtures/6s-scenes.json):
/// uniform and spatially varying AOD 0.02..1.5, solar zenith 20..65°, view zenith 0..10°, continental
/// and maritime aerosol, ρ2.2 0.01..0.15 with ±10 % noise on the surface ratios, with and without gases.
/// Each scene is retrieved as one block, as the task retrieves a chip; bounds hold for every box mean.
@Suite("6S scenes: the retrieval is accurate against full radiative transfer")
struct SixSSceneTests {
    @Test func theFixtureCoversWhatTheIssueAsks() {
        let scenes = SixSScene.all
        let aods = scenes.flatMap { $0.pixels.map(\.aod550) }
        let swir22 = scenes.flatMap { $0.pixels.map(\.swir22) }
        #expect(scenes.count >= 30)
        #expect(Set(scenes.map(\.aerosol)) == Set(AerosolModel.allCases))
        #expect(scenes.contains { $0.atmosphere == nil } && scenes.contains { $0.atmosphere != nil })
        #expect(aods.min() ?? 1 <= 0.02 && aods.max() ?? 0 >= 1.5)
        #expect(swir22.min() ?? 1 <= 0.01 && swir22.max() ?? 0 >= 0.15)
        #expect(scenes.allSatisfy { (20...65).contains($0.solarZenith) && (0...10).contains($0.viewZenith) })
        #expect(Set(scenes.map(\.field)) == ["uniform", "gradient", "patches"])
        #expect(scenes.contains { $0.pixels.allSatisfy { $0.aod550 == 1 } && $0.pixels.count >= 8 })
    }

    /// The declared model, fixed: every box mean within ±(0.05 + 10 %), at most one pixel a box lost.
    @Test(arguments: SixSScene.all)
    func declaredAerosolModelBoxMeansWithin0Point05Plus10Percent(scene: SixSScene) throws {
        for box in try scene.retrieved(declaring: scene.aerosol).boxes {
            #expect(box.retrieved >= box.pixels - 1, "\(scene) box \(box.index): \(box.retrieved) of \(box.pixels)")
            #expect(abs(box.error) <= 0.05 + 0.1 * box.truth, "\(scene) box \(box.index): \(box.mean) for \(box.truth)")
        }
    }

    /// The scene's aerosol model differs from the declared one: the retrieval chooses the model per block
    /// from the blue/red fit (``AerosolSelection/perBlock``), so every box mean is within ±(0.05 + 15 %).
    /// (Bound to the declared model it misses by up to +0.76 at AOD 1.5; the printed table shows it.)
    @Test(arguments: SixSScene.all)
    func otherDeclaredModelChosenPerBlockBoxMeansWithin0Point05Plus15Percent(scene: SixSScene) throws {
        let (chosen, boxes) = try scene.retrieved(declaring: scene.otherAerosol, selection: .perBlock)
        let place = "\(scene) declared \(scene.otherAerosol), chose \(chosen)"
        for box in boxes {
            #expect(box.retrieved >= 1, "\(place): box \(box.index) not retrieved")
            #expect(
                abs(box.error) <= 0.05 + 0.15 * box.truth, "\(place): box \(box.index) \(box.mean) for \(box.truth)")
        }
    }

    /// Choosing per block costs nothing where the declared model is right: still within ±(0.05 + 10 %).
    @Test(arguments: SixSScene.all)
    func declaredModelChosenPerBlockBoxMeansWithin0Point05Plus10Percent(scene: SixSScene) throws {
        let (chosen, boxes) = try scene.retrieved(declaring: scene.aerosol, selection: .perBlock)
        for box in boxes {
            #expect(
                abs(box.error) <= 0.05 + 0.1 * box.truth,
                "\(scene), chose \(chosen): box \(box.index) \(box.mean) for \(box.truth)")
        }
    }

    /// Where the AOD is large enough for the models to differ (≥ 0.3), the block's own model is chosen
    /// whichever is declared.
    @Test(arguments: SixSScene.all.filter { $0.pixels.allSatisfy { $0.aod550 >= 0.3 } })
    func theSceneModelIsChosenWhereTheAerosolShows(scene: SixSScene) throws {
        for declared in AerosolModel.allCases {
            #expect(try scene.retrieved(declaring: declared, selection: .perBlock).aerosol == scene.aerosol, "\(scene)")
        }
    }

    /// Hazy scenes (uniform AOD ≥ 1, surfaces ρ2.2 0.01..0.15) are retrieved on every pixel, as the
    /// task runs (continental declared, chosen per block), within ±(0.05 + 10 %).
    @Test func hazyScenesAreRetrievedNotRejected() throws {
        let hazy = SixSScene.all.filter { scene in scene.field == "uniform" && scene.pixels[0].aod550 >= 1 }
        #expect(hazy.count >= 4)
        for scene in hazy {
            let (chosen, boxes) = try scene.retrieved(declaring: .continental, selection: .perBlock)
            for box in boxes {
                #expect(box.retrieved == box.pixels, "\(scene): \(box.retrieved) of \(box.pixels) retrieved")
                #expect(abs(box.error) <= 0.05 + 0.1 * box.truth, "\(scene), chose \(chosen): \(box.mean)")
            }
        }
    }

    /// The table of docs/tasks/aod_estimation.md, printed: `swift test --filter SixSSceneTests`.
    @Test func printsTheErrorTable() throws {
        var rows = [
            "| aerosol | gases | θs | θv | φ | box | true AOD | declared model | other model "
                + "| other declared, per block |",
            "|---|---|---|---|---|---|---|---|---|---|",
        ]
        for scene in SixSScene.all {
            let declared = try scene.retrieved(declaring: scene.aerosol).boxes
            let other = try scene.retrieved(declaring: scene.otherAerosol).boxes
            let (chosen, perBlock) = try scene.retrieved(declaring: scene.otherAerosol, selection: .perBlock)
            for (d, (o, p)) in zip(declared, zip(other, perBlock)) {
                let numbers = String(
                    format: "%.1f | %.1f | %.0f | %d | %.3f | %+.3f | %+.3f | %+.3f ",
                    scene.solarZenith, scene.viewZenith, scene.relativeAzimuth, d.index, d.truth, d.error, o.error,
                    p.error)
                rows.append(
                    "| \(scene.aerosol.rawValue) | \(scene.atmosphere?.profile ?? "none") | " + numbers
                        + "(\(chosen.rawValue)) |")
            }
        }
        print(rows.joined(separator: "\n"))
        #expect(rows.count >= SixSScene.all.count + 2)
    }
}
