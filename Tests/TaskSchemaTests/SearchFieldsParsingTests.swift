import TaskSchema
import Testing

/// A task whose input has `query`, `count` and `boxes`, declaring `search: <search>` on line 12.
private func registry(search: String) -> String {
    """
    tasks:
      find:
        version: 1
        summary: F.
        timeout: 1s
        input:
          type: object
          properties:
            query: {type: string}
            count: {type: integer}
            boxes: {type: array}
        search: \(search)
        output: {type: object}
    """
}

/// `search:` lists the top-level input properties the store indexes, checked like `dedup`'s key.
@Suite struct SearchFieldsParsingTests {
    @Test func parsesTheFieldsInOrder() throws {
        let result = RegistryParser.parse(registry(search: "[count, query, boxes]"), file: "tasks.yaml")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(try #require(result.registry?.task(named: "find")).searchFields == ["count", "query", "boxes"])
    }

    @Test func aTaskWithoutSearchHasNoFields() throws {
        let yaml = registry(search: "[query]").split(separator: "\n").filter { !$0.contains("search:") }.joined(
            separator: "\n")
        #expect(
            try #require(RegistryParser.parse(yaml, file: "tasks.yaml").registry?.task(named: "find")).searchFields
                == [])
    }

    @Test(arguments: [
        ("[]", ["tasks.yaml:12:13: error: 'search' must list at least one input property"]),
        ("query", ["tasks.yaml:12:13: error: 'search' must be a list of input property names, found string"]),
        (
            "[qurey, query, query]",
            [
                "tasks.yaml:12:14: error: 'search' names 'qurey', which is not a top-level input property; did you mean 'query'?",
                "tasks.yaml:12:28: error: 'search' lists 'query' more than once",
            ]
        ),
    ])
    func reportsEachProblemAtItsPosition(_ search: String, _ expected: [String]) {
        let result = RegistryParser.parse(registry(search: search), file: "tasks.yaml")
        #expect(result.registry == nil)
        #expect(result.diagnostics.map(\.description) == expected)
    }
}
