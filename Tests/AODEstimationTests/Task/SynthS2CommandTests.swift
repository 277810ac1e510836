import Foundation
import Sentinel2
import TaskforgeTestSupport
import Testing

/// `taskforge data synth-s2` as users run it: a catalog the task reads, and bad arguments refused.
@Suite("AOD: taskforge data synth-s2")
struct SynthS2CommandTests {
    @Test func writesACatalogOfEveryBoxAndDate() async throws {
        let folder = try SceneFolder()
        let result = try await ProcessRunner.run(
            try BuiltExecutable.named("taskforge"),
            [
                "data", "synth-s2", "--output", folder.url.path, "--bbox", "10.0,45.0,10.04,45.04",
                "--bbox=-74.1,40.6,-74.06,40.64",
                "--date", "2024-06-01", "--num-steps", "2", "--temporal-step", "5", "--aod", "gradient:0.1:0.5",
                "--water-vapour", "2.93",
            ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").count == 4, "\(result.stdout)")
        let catalog = try LocalSceneCatalog(folder: folder.url)
        #expect(catalog.skipped.isEmpty)
        let days = Set(catalog.scenes.map { RFC3339.string(from: $0.datetime).prefix(10) })
        #expect(catalog.scenes.count == 4 && days == ["2024-06-01", "2024-05-27"])
        // Like a real L2A scene, each carries its water vapour band (DN / 1000 g/cm²).
        #expect(catalog.scenes.allSatisfy { $0.hasWVP && $0.bands[.WVP]?.scale == 0.001 })
    }

    @Test(arguments: [
        (["--bbox", "10,45,9,46", "--date", "2024-06-01"], "--bbox"),
        (["--bbox", "10,45,11,46", "--date", "2024-06-31"], "--date"),
        (["--bbox", "10,45,11,46", "--date", "2024-06-01", "--aod", "haze"], "--aod"),
        (["--date", "2024-06-01"], "--bbox"),
        (["--bbox", "10,45,11,46", "--date", "2024-06-01", "--water-vapour", "7"], "--water-vapour"),
    ])
    func refusesBadArgumentsNamingThem(arguments: [String], named option: String) async throws {
        let folder = try SceneFolder()
        let result = try await ProcessRunner.run(
            try BuiltExecutable.named("taskforge"), ["data", "synth-s2", "--output", folder.url.path] + arguments)
        #expect(result.status != 0)
        #expect(result.stderr.contains(option), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).isEmpty)
    }
}
