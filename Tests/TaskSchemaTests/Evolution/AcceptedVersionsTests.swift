import TaskSchema
import Testing

private func registry(version: Int, accepts: String) -> String {
    """
    tasks:
      search:
        version: \(version)
        summary: Search.
        timeout: 30s
        accepts: \(accepts)
        input: {type: object}
        output: {type: object}
    """
}

@Suite struct AcceptedVersionsTests {
    @Test func readsAcceptedVersionsInAscendingOrder() throws {
        let parsed = try parseRegistry(registry(version: 3, accepts: "[2, 1]"))
        #expect(parsed.task(named: "search")?.acceptedVersions == [1, 2])
    }

    @Test func defaultsToNone() throws {
        let parsed = try parseRegistry(registry(version: 1, accepts: "[]"))
        #expect(parsed.task(named: "search")?.acceptedVersions == [])
        let text = registry(version: 1, accepts: "[]").replacingOccurrences(of: "    accepts: []\n", with: "")
        #expect(try parseRegistry(text).task(named: "search")?.acceptedVersions == [])
    }

    @Test(arguments: [
        ("1", "tasks.yaml:6:14: error: 'accepts' must be a list of older versions, such as [1, 2], found 1"),
        (
            "[0, one]",
            "tasks.yaml:6:15: error: 'accepts' entries must be positive integers, found 0\n"
                + "tasks.yaml:6:18: error: 'accepts' entries must be positive integers, found string"
        ),
        ("[1, 1]", "tasks.yaml:6:18: error: 'accepts' lists version 1 more than once"),
        (
            "[2, 3]",
            "tasks.yaml:6:15: error: 'accepts' lists version 2, which is not lower than the task's version 2\n"
                + "tasks.yaml:6:18: error: 'accepts' lists version 3, which is not lower than the task's version 2"
        ),
    ])
    func reportsInvalidAcceptedVersions(_ accepts: String, _ expected: String) {
        let result = RegistryParser.parse(registry(version: 2, accepts: accepts), file: "tasks.yaml")
        #expect(result.registry == nil)
        #expect(result.diagnostics.map(\.description).joined(separator: "\n") == expected)
    }
}
