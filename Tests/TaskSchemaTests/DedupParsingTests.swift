import TaskRuntime
import TaskSchema
import Testing

/// A task whose input has `dataset`, `date` and `limit`, declaring `dedup: <dedup>` on line 13.
private func registry(dedup: String) -> String {
    """
    tasks:
      sum:
        version: 1
        summary: S.
        timeout: 1s
        input:
          type: object
          properties:
            dataset: {type: string}
            date: {type: string, format: date}
            limit: {type: integer, default: 10}
        output: {type: object}
        dedup: \(dedup)
    """
}

@Suite struct DedupParsingTests {
    @Test func aTaskWithoutDedupHasNone() throws {
        let yaml = registry(dedup: "{key: [dataset]}").split(separator: "\n").dropLast().joined(separator: "\n")
        let task = try #require(RegistryParser.parse(yaml, file: "tasks.yaml").registry?.task(named: "sum"))
        #expect(task.dedup == nil)
    }

    @Test func parsesTheKeyAndTheReuseWindow() throws {
        let result = RegistryParser.parse(
            registry(dedup: "{key: [date, dataset], reuse_result_for: 1h30m}"), file: "tasks.yaml")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let task = try #require(result.registry?.task(named: "sum"))
        #expect(task.dedup == DedupPolicy(keyFields: ["date", "dataset"], reuseResultFor: .seconds(5400)))
    }

    @Test func theReuseWindowDefaultsToNone() throws {
        let task = try #require(
            RegistryParser.parse(registry(dedup: "{key: [limit]}"), file: "tasks.yaml").registry?.task(named: "sum"))
        #expect(task.dedup == DedupPolicy(keyFields: ["limit"], reuseResultFor: .zero))
    }

    @Test(arguments: [
        (
            "{key: [dataset], reuse_results_for: 1h}",
            [
                "tasks.yaml:13:29: error: unknown key 'reuse_results_for' in 'dedup'; did you mean 'reuse_result_for'?"
            ]
        ),
        (
            "{reuse_result_for: 1h}",
            [
                "tasks.yaml:13:5: error: 'dedup' is missing required key 'key'"
            ]
        ),
        (
            "{key: []}",
            [
                "tasks.yaml:13:18: error: 'key' must list at least one input property"
            ]
        ),
        (
            "{key: dataset}",
            [
                "tasks.yaml:13:18: error: 'key' must be a list of input property names, found string"
            ]
        ),
        (
            "{key: [dataset, datset, dataset, 3]}",
            [
                "tasks.yaml:13:28: error: 'key' names 'datset', which is not a top-level input property; did you mean 'dataset'?",
                "tasks.yaml:13:36: error: 'key' lists 'dataset' more than once",
                "tasks.yaml:13:45: error: 'key' entries must be input property names, found 3",
            ]
        ),
        (
            "{key: [dataset], reuse_result_for: 1 hour}",
            [
                "tasks.yaml:13:47: error: 'reuse_result_for' must be a duration such as '30s', '500ms' or '1h30m', found '1 hour'"
            ]
        ),
        (
            "[dataset]",
            [
                "tasks.yaml:13:12: error: 'dedup' must be a mapping, found list"
            ]
        ),
    ])
    func reportsEachProblemAtItsPosition(_ dedup: String, _ expected: [String]) {
        let result = RegistryParser.parse(registry(dedup: dedup), file: "tasks.yaml")
        #expect(result.registry == nil)
        #expect(result.diagnostics.map(\.description) == expected)
    }
}

@Suite struct DedupKeyTests {
    private let policy = DedupPolicy(keyFields: ["dataset", "date"])

    @Test func onlyTheKeyFieldsCount() {
        let key = policy.key(task: "sum", version: 1, input: ["dataset": "a", "date": "2026-01-01", "limit": 1])
        #expect(key == policy.key(task: "sum", version: 1, input: ["date": "2026-01-01", "dataset": "a", "limit": 2]))
        #expect(key.count == 64 && key.allSatisfy(\.isHexDigit))
        #expect(key != policy.key(task: "sum", version: 1, input: ["dataset": "b", "date": "2026-01-01"]))
    }

    @Test func theTaskAndItsVersionCount() {
        let input: JSONValue = ["dataset": "a", "date": "2026-01-01"]
        let key = policy.key(task: "sum", version: 1, input: input)
        #expect(key != policy.key(task: "sum", version: 2, input: input))
        #expect(key != policy.key(task: "total", version: 1, input: input))
    }

    @Test func aMissingFieldCountsAsNull() {
        #expect(
            policy.key(task: "sum", version: 1, input: ["dataset": "a"])
                == policy.key(task: "sum", version: 1, input: ["dataset": "a", "date": nil]))
    }
}
