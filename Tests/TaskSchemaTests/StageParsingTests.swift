import TaskSchema
import Testing

/// A task on queue `cpu` with a 1m timeout whose `stages:` list starts on line 10, one item a line.
private func registry(stages: [String]) -> String {
    """
    tasks:
      predict:
        version: 1
        summary: S.
        queue: cpu
        timeout: 1m
        input: {type: object}
        output: {type: object}
        stages:

    """ + stages.map { "      - \($0)\n" }.joined()
}

@Suite struct StageParsingTests {
    @Test func aTaskWithoutStagesHasNone() throws {
        let yaml = registry(stages: []).replacingOccurrences(of: "    stages:\n", with: "")
        let task = try #require(RegistryParser.parse(yaml, file: "tasks.yaml").registry?.task(named: "predict"))
        #expect(task.stages.isEmpty)
    }

    @Test func parsesEachStageWithTheTaskDefaults() throws {
        let result = RegistryParser.parse(
            registry(stages: [
                "{name: prepare, queue: gpu, weight: 3, output: {type: object, properties: {rows: {type: integer}}}}",
                "{name: score, timeout: 10s, description: Scores the rows.}",
            ]), file: "tasks.yaml")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let stages = try #require(result.registry?.task(named: "predict")?.stages)
        #expect(stages.map(\.name) == ["prepare", "score"])
        #expect(stages.map(\.queue) == ["gpu", "cpu"])
        #expect(stages.map(\.timeout) == [.seconds(60), .seconds(10)])
        #expect(stages.map(\.weight) == [3, 1])
        #expect(stages[0].output?.properties.map(\.name) == ["rows"])
        #expect(stages[1].output == nil)
        #expect(stages[1].description == "Scores the rows.")
        #expect(stages[0].location.line == 10)
    }

    @Test(arguments: [
        (
            ["{name: prepare}", "{name: score}"],
            [
                "tasks.yaml:10:16: error: stage 'prepare' is missing required key 'output': every stage but the last hands an output to the next"
            ]
        ),
        (
            ["{name: prepare, output: {type: object}}", "{name: score, output: {type: object}}"],
            [
                "tasks.yaml:11:23: error: the last stage must not declare 'output': its output is the task's 'output'"
            ]
        ),
        (
            ["{name: prepare, output: {type: object}}", "{name: prepare}"],
            [
                "tasks.yaml:11:16: error: duplicate stage 'prepare'; first declared at line 10"
            ]
        ),
        (
            ["{name: prepare, weight: 0, output: {type: object}}", "{name: score}"],
            [
                "tasks.yaml:10:33: error: 'weight' must be a positive integer, found 0"
            ]
        ),
        (
            ["{name: prepare, queues: gpu, output: {type: object}}", "{name: score}"],
            [
                "tasks.yaml:10:25: error: unknown key 'queues' in stage 'prepare'; did you mean 'queue'?"
            ]
        ),
        (
            ["{queue: gpu, output: {type: object}}", "{name: score}"],
            [
                "tasks.yaml:10:9: error: stage 1 is missing required key 'name'"
            ]
        ),
        (
            ["{name: score}"],
            [
                "tasks.yaml:10:7: error: 'stages' must list from 2 to 8 stages, found 1"
            ]
        ),
    ])
    func reportsEachProblemAtItsPosition(_ stages: [String], _ expected: [String]) {
        let result = RegistryParser.parse(registry(stages: stages), file: "tasks.yaml")
        #expect(result.registry == nil)
        #expect(result.diagnostics.map(\.description) == expected)
    }

    @Test func stagesMustBeAList() {
        let yaml = registry(stages: []).replacingOccurrences(of: "    stages:\n", with: "    stages: prepare\n")
        let result = RegistryParser.parse(yaml, file: "tasks.yaml")
        #expect(
            result.diagnostics.map(\.description) == [
                "tasks.yaml:9:13: error: 'stages' must be a list of stages such as [{name: prepare, output: {...}}, "
                    + "{name: predict}], found string"
            ])
    }
}
