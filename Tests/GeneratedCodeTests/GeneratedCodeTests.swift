import ArgumentParser
import Foundation
import TaskCLI
import TaskRuntime
import Testing

/// The generated code for the golden registry compiles, and behaves: snake_case JSON, defaults,
/// enums, validation, the dispatch table and command-line flags.
@Suite("Generated code behaviour")
struct GeneratedCodeTests {
    static let input: JSONValue = ["bboxes": [[1, 2, 3, 4]], "date": "2026-11-24", "sources": ["web-archive"]]

    @Test func inputsDecodeFromSnakeCaseWithDefaultsApplied() throws {
        let stored = AodEstimation.definition.input.applyingDefaults(to: Self.input)
        let input = try stored.decode(as: AodEstimation.Input.self)
        #expect(input.bboxes == [[1, 2, 3, 4]])
        #expect(input.chipSize == 256)
        #expect(input.dataSource == .s2)
        #expect(input.sources == [.webArchive])
        #expect(input.strict == false)
        #expect(input.cloudCoverage == nil)
        #expect(try JSONValue(encoding: input)["chip_size"] == 256)
    }

    @Test func theValidatorReportsEveryViolationByPointer() {
        let violations = AodEstimation.validateInput(
            ["bboxes": [[1, 2, 3]], "date": "2026-02-30", "chip_size": 2048, "sources": ["gopher"], "bogus": 1])
        #expect(Set(violations.map(\.pointer)) == ["/bboxes/0", "/date", "/chip_size", "/sources/0", "/bogus"])
    }

    @Test func theDispatchTableRunsTheHandler() async throws {
        let entry = try #require(GeneratedTasks.catalog.entry(named: "aod_estimation"))
        #expect(entry.definition.version == 3 && entry.definition.queue == "geo" && entry.definition.priority == 5)
        #expect(
            entry.definition.dedup
                == DedupPolicy(keyFields: ["bboxes", "date", "chip_size"], reuseResultFor: .seconds(3600)))
        #expect(
            GeneratedTasks.catalog.entries.map(\.definition.name) == [
                "aod_estimation", "echo", "survey", "volcano_risk",
            ])
    }

    @Test func aTaskWithFilesGetsThemTyped() throws {
        let declared = Survey.definition.files
        #expect(declared.map(\.name) == ["pre", "post", "notes"])
        #expect(
            declared[0].maxSize == 2 << 30 && declared[0].mediaTypes == ["image/tiff"] && declared[2].required == false)
        let pre = URL(fileURLWithPath: "/data/pre.tif")
        let post = URL(fileURLWithPath: "/data/post.tif")
        let files = try Survey.Files(InputFiles(["pre": pre, "post": post]))
        #expect(files.pre == pre && files.post == post && files.notes == nil)
        #expect(throws: TaskError.self) { try Survey.Files(InputFiles(["pre": pre])) }
    }

    @Test func aStagedTaskDeclaresItsStagesAndStartsOnTheFirstStagesQueue() throws {
        let entry = try #require(GeneratedTasks.catalog.entry(named: "volcano_risk"))
        let stages = entry.definition.stages
        #expect(stages.map(\.name) == ["data_processing", "model_prediction"])
        #expect(stages.map(\.queue) == ["cpu", "gpu"])
        #expect(stages.map(\.weight) == [3, 1])
        #expect(stages.map(\.timeout) == [.seconds(600), .seconds(120)])
        #expect(stages[0].output?.properties.map(\.name) == ["samples"] && stages[1].output == nil)
        #expect(entry.definition.initialQueue == "cpu")
        #expect(GeneratedTasks.catalog.queues == ["cpu", "default", "geo", "gpu"])
    }

    @Test func flagsBecomeInputFields() throws {
        let arguments = try AodEstimation.Arguments.parse([
            "--date", "2026-11-24", "--chip-size", "128", "--sources", "brave", "--sources", "web-archive",
            "--strict", "true", "--cloud-coverage", "12.5",
        ])
        #expect(
            arguments.fields == [
                "date": "2026-11-24", "chip_size": 128, "sources": ["brave", "web-archive"], "strict": true,
                "cloud_coverage": 12.5,
            ])
        #expect(throws: (any Error).self) { try AodEstimation.Arguments.parse(["--sources", "gopher"]) }
        #expect(throws: (any Error).self) { try AodEstimation.Arguments.parse(["--chip-size", "big"]) }
    }

    @Test func helpShowsDescriptionsAndConstraints() {
        let help = AodEstimation.Arguments.helpMessage()
        #expect(help.contains("--chip-size"))
        #expect(help.contains("integer, 64...1024; default: 256"))
        #expect(help.contains("repeatable; default: [\"brave\"]"))
        #expect(help.contains("(values: S2)"))
        #expect(!help.contains("--bboxes"), "arrays of arrays are given with --input-json")
    }
}
