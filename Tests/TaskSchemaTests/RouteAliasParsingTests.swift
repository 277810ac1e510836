import TaskSchema
import Testing

/// A task declaring `http: <alias>` on line 8, and optionally a second task with `http: <other>`.
private func registry(alias: String, other: String? = nil) -> String {
    var text = """
        tasks:
          run_model:
            version: 1
            summary: S.
            timeout: 1s
            input: {type: object}
            output: {type: object}
            http: \(alias)
        """
    if let other {
        text += """

              other:
                version: 1
                summary: S.
                timeout: 1s
                input: {type: object}
                output: {type: object}
                http: \(other)
            """
    }
    return text
}

@Suite struct RouteAliasParsingTests {
    @Test(arguments: [
        "{path: /api/run-model, method: POST}", "{path: /api/run-model}", "{path: /api/run-model, method: post}",
    ])
    func parsesThePath(_ text: String) throws {
        let result = RegistryParser.parse(registry(alias: text), file: "tasks.yaml")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.registry?.task(named: "run_model")?.alias == RouteAlias(path: "/api/run-model"))
    }

    @Test(arguments: [
        ("{method: POST}", ["tasks.yaml:8:5: error: 'http' is missing required key 'path'"]),
        (
            "{path: /api/run, method: GET}",
            ["tasks.yaml:8:36: error: 'method' must be POST: an alias submits a job, found 'GET'"]
        ),
        (
            "{path: api/run}",
            ["tasks.yaml:8:18: error: 'path' must be an absolute path such as '/api/run-model', found 'api/run'"]
        ),
        (
            "{path: /api//run}",
            [
                "tasks.yaml:8:18: error: 'path' must be literal segments of letters, digits and '-._~' separated by single '/', without a trailing '/', found '/api//run'"
            ]
        ),
        (
            #"{path: "/api/{id}"}"#,
            [
                "tasks.yaml:8:18: error: 'path' must be literal segments of letters, digits and '-._~' separated by single '/', without a trailing '/', found '/api/{id}'"
            ]
        ),
        (
            "{path: /v1/jobs}",
            ["tasks.yaml:8:18: error: 'path' collides with Taskforge's own routes under '/v1/', found '/v1/jobs'"]
        ),
        (
            "{path: /healthz}",
            ["tasks.yaml:8:18: error: 'path' collides with Taskforge's own routes under '/healthz', found '/healthz'"]
        ),
        ("{path: /a, verb: POST}", ["tasks.yaml:8:22: error: unknown key 'verb' in 'http'"]),
        ("/api/run", ["tasks.yaml:8:11: error: 'http' must be a mapping such as {path: /api/run-model}, found string"]),
    ])
    func reportsEachProblemAtItsPosition(_ text: String, _ expected: [String]) {
        let result = RegistryParser.parse(registry(alias: text), file: "tasks.yaml")
        #expect(result.registry == nil)
        #expect(result.diagnostics.map(\.description) == expected)
    }

    @Test func twoTasksCannotShareAPath() {
        let result = RegistryParser.parse(registry(alias: "{path: /run}", other: "{path: /run}"), file: "tasks.yaml")
        #expect(
            result.diagnostics.map(\.description) == [
                "tasks.yaml:2:3: error: task 'run_model' declares http path '/run', which task 'other' declares too"
            ])
    }
}
