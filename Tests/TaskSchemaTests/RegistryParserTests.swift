import Foundation
import TaskSchema
import Testing

private let validRegistry = """
    types:
      BBox:
        type: array
        description: West, south, east, north.
        items: {type: number}
        minItems: 4
        maxItems: 4
    tasks:
      echo:
        version: 1
        summary: Echo a message.
        timeout: 30s
        input:
          type: object
          properties:
            message: {type: string, minLength: 1, maxLength: 10000}
            times: {type: integer, minimum: 1, default: 1}
          required: [message]
        output:
          type: object
          properties:
            message: {type: string}
          required: [message]
      sleep:
        version: 2
        summary: Sleep for a while.
        description: Sleeps, then returns.
        queue: slow_jobs
        timeout: 1h30m
        retry: {max_attempts: 3, backoff: fixed, initial: 500ms, max: 2s}
        input:
          type: object
          properties:
            seconds: {type: number, exclusiveMinimum: 0, maximum: 3600, multipleOf: 0.5}
          required: [seconds]
          additionalProperties: true
        output: {type: object}
      detect_objects:
        version: 1
        summary: Detect objects in an image.
        timeout: 5m
        retry: {max_attempts: 4}
        input:
          type: object
          properties:
            image_url: {type: string, format: uri}
            region: {$ref: '#/types/BBox', description: Area to search.}
            label: {type: [string, "null"], enum: [car, person, null]}
            options:
              type: object
              properties:
                threshold: {type: number, minimum: 0, maximum: 1, default: 0.5}
                tags: {type: array, items: {type: string, pattern: '^[a-z]+$'}, uniqueItems: true}
          required: [image_url]
        output:
          type: object
          properties:
            bboxes: {type: array, items: {$ref: '#/types/BBox'}}
            taken_at: {type: string, format: date-time, title: Taken at}
            mode: {const: fast}
          required: [bboxes]
    """

@Suite struct RegistryParserTests {
    private func parse(_ yaml: String) throws -> Registry {
        let result = RegistryParser.parse(yaml, file: "tasks.yaml")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        return try #require(result.registry)
    }

    @Test func parsesTheSharedTypes() throws {
        let registry = try parse(validRegistry)
        #expect(registry.file == "tasks.yaml")
        #expect(registry.types.map(\.name) == ["BBox"])
        let bbox = try #require(registry.type(named: "BBox")?.schema)
        #expect(bbox.location == SourceLocation(file: "tasks.yaml", line: 2, column: 3))
        #expect(
            bbox.withoutLocations
                == Schema(
                    type: [.array], items: Schema(type: [.number]), minItems: 4, maxItems: 4,
                    description: "West, south, east, north."))
    }

    @Test func parsesASimpleTask() throws {
        let echo = try #require(try parse(validRegistry).task(named: "echo"))
        #expect(echo.version == 1)
        #expect(echo.summary == "Echo a message.")
        #expect(echo.description == nil)
        #expect(echo.queue == "default")
        #expect(echo.priority == 0)
        #expect(echo.timeout == .seconds(30))
        #expect(echo.retry == .none)
        #expect(echo.location == SourceLocation(file: "tasks.yaml", line: 9, column: 3))
        #expect(echo.input.location == SourceLocation(file: "tasks.yaml", line: 13, column: 5))
        #expect(echo.input.properties.first?.schema.location == SourceLocation(file: "tasks.yaml", line: 16, column: 9))
        #expect(
            echo.input.withoutLocations
                == Schema(
                    type: [.object],
                    properties: [
                        .init("message", Schema(type: [.string], minLength: 1, maxLength: 10000)),
                        .init("times", Schema(type: [.integer], minimum: 1, default: 1)),
                    ],
                    required: ["message"]))
        #expect(
            echo.output.withoutLocations
                == Schema(
                    type: [.object], properties: [.init("message", Schema(type: [.string]))], required: ["message"]))
    }

    @Test(arguments: [-1000, -3, 7, 1000])
    func parsesPriority(priority: Int) throws {
        let registry = try parse(
            """
            tasks:
              urgent: {version: 1, summary: S., priority: \(priority), timeout: 1s, input: {type: object}, output: {type: object}}
            """)
        #expect(registry.task(named: "urgent")?.priority == priority)
    }

    @Test func parsesQueueRetryAndOpenObjects() throws {
        let sleep = try #require(try parse(validRegistry).task(named: "sleep"))
        #expect(sleep.version == 2)
        #expect(sleep.description == "Sleeps, then returns.")
        #expect(sleep.queue == "slow_jobs")
        #expect(sleep.timeout == .seconds(5400))
        #expect(
            sleep.retry == RetryPolicy(maxAttempts: 3, backoff: .fixed, initial: .milliseconds(500), max: .seconds(2)))
        #expect(
            sleep.input.withoutLocations
                == Schema(
                    type: [.object],
                    properties: [
                        .init("seconds", Schema(type: [.number], maximum: 3600, exclusiveMinimum: 0, multipleOf: 0.5))
                    ],
                    required: ["seconds"],
                    additionalProperties: true))
        #expect(sleep.output.withoutLocations == Schema(type: [.object]))
    }

    @Test func parsesRefsNullablesEnumsNestedObjectsAndArrays() throws {
        let registry = try parse(validRegistry)
        #expect(registry.tasks.map(\.name) == ["detect_objects", "echo", "sleep"])
        let task = try #require(registry.task(named: "detect_objects"))
        #expect(task.retry == RetryPolicy(maxAttempts: 4))
        #expect(
            task.input.withoutLocations
                == Schema(
                    type: [.object],
                    properties: [
                        .init("image_url", Schema(type: [.string], format: .uri)),
                        .init("region", Schema(description: "Area to search.", ref: "BBox")),
                        .init("label", Schema(type: [.string, .null], enum: ["car", "person", nil])),
                        .init(
                            "options",
                            Schema(
                                type: [.object],
                                properties: [
                                    .init("threshold", Schema(type: [.number], minimum: 0, maximum: 1, default: 0.5)),
                                    .init(
                                        "tags",
                                        Schema(
                                            type: [.array], items: Schema(type: [.string], pattern: "^[a-z]+$"),
                                            uniqueItems: true)),
                                ])),
                    ],
                    required: ["image_url"]))
        #expect(
            task.output.withoutLocations
                == Schema(
                    type: [.object],
                    properties: [
                        .init("bboxes", Schema(type: [.array], items: Schema(ref: "BBox"))),
                        .init("taken_at", Schema(type: [.string], format: .dateTime, title: "Taken at")),
                        .init("mode", Schema(const: "fast")),
                    ],
                    required: ["bboxes"]))
        let resolved = registry.resolvingRefs(in: task.input)
        #expect(resolved.property("region")?.minItems == 4)
    }

    @Test(arguments: [
        ("500ms", Duration.milliseconds(500)), ("30s", .seconds(30)), ("1.5s", .milliseconds(1500)),
        ("2m", .seconds(120)), ("1h30m", .seconds(5400)), ("1d", .seconds(86_400)),
        ("1m30s250ms", .milliseconds(90_250)),
    ])
    func parsesDurations(text: String, expected: Duration) throws {
        let yaml =
            "tasks:\n  t: {version: 1, summary: S., timeout: \(text), input: {type: object}, output: {type: object}}"
        #expect(try parse(yaml).task(named: "t")?.timeout == expected)
    }

    @Test func readsScalarsAsTheYAMLCoreSchemaDoes() throws {
        let yaml = """
            tasks:
              t:
                version: 1
                summary: S.
                timeout: 1s
                input:
                  type: object
                  properties:
                    answer: {enum: [yes, no, on, "1", 1, 1.5, 0x1F, true, null, 2026-01-31]}
                output: {type: object}
            """
        let answer = try #require(try parse(yaml).task(named: "t")?.input.property("answer"))
        #expect(answer.enumValues == ["yes", "no", "on", "1", 1, 1.5, 31, true, nil, "2026-01-31"])
    }

    @Test func loadsAFileAndThrowsAllDiagnostics() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let valid = directory.appendingPathComponent("tasks.yaml").path
        try validRegistry.write(toFile: valid, atomically: true, encoding: .utf8)
        #expect(try Registry.load(path: valid).tasks.count == 3)

        let broken = directory.appendingPathComponent("broken.yaml").path
        try "tasks:\n  Echo: {}\n  x: 1\n".write(toFile: broken, atomically: true, encoding: .utf8)
        let error = try #require(throws: DiagnosticsError.self) { try Registry.load(path: broken) }
        #expect(
            error.diagnostics.map(\.description) == [
                "\(broken):2:3: error: task name 'Echo' must be lower snake_case, like 'echo'",
                "\(broken):2:3: error: task 'Echo' is missing required keys 'version', 'summary', 'timeout', 'input' and 'output'",
                "\(broken):3:6: error: task 'x' must be a mapping, found 1",
            ])

        let missing = directory.appendingPathComponent("missing.yaml").path
        let missingError = try #require(throws: DiagnosticsError.self) { try Registry.load(path: missing) }
        #expect(missingError.diagnostics.count == 1)
        #expect(missingError.diagnostics.first?.location == SourceLocation(file: missing, line: 1, column: 1))
    }
}

/// Malformed documents of any kind produce diagnostics, never a crash or a hang.
@Suite struct RegistryParserRobustnessTests {
    @Test(arguments: [
        "\t- tab",
        "tasks: [",
        "tasks: *missing",
        "? [a, b]\n: c",
        "--- 1\n--- 2",
        "tasks: {a: 1, a: 2, a: 3}",
        "tasks:\n  \"a\": 1\n  'a': 2\n  a: 3",
        "tasks:\n  \"\": 1\n  \"\": 2",
        "tasks: !!int nope",
        "tasks: .inf",
        "\u{FEFF}tasks:\n  a: 1\n  a: 2",
        "tasks:\r\n  a: 1\r\n  a: 2",
        "tasks:\n  e: {version: 1, summary: S., timeout: 99999999999999999999d, input: {type: object}, output: {type: object}}",
        "tasks:\n  e: {version: 1, summary: S., timeout: 1s, input: {type: object, properties: {a: {default: .nan}}}, output: {type: object}}",
        String(repeating: "[", count: 999) + String(repeating: "]", count: 999),
        String(repeating: "[", count: 5000),
        String(repeating: "- ", count: 2000) + "x",
        "\u{0}\u{1}\u{2}",
    ])
    func reportsMalformedDocuments(_ yaml: String) {
        let result = RegistryParser.parse(yaml, file: "tasks.yaml")
        #expect(result.registry == nil)
        #expect(!result.diagnostics.isEmpty)
        #expect(result.diagnostics.allSatisfy { $0.location.line >= 1 && $0.location.column >= 1 })
    }

    @Test func reportsDuplicateKeysEvenWhenQuoted() {
        let result = RegistryParser.parse("tasks:\n  \"a\": 1\n  'a': 2\n  a: 3", file: "tasks.yaml")
        #expect(
            result.diagnostics.map(\.description).filter { $0.contains("duplicate") } == [
                "tasks.yaml:3:3: error: duplicate task 'a'; first declared at line 2",
                "tasks.yaml:4:3: error: duplicate task 'a'; first declared at line 2",
            ])
    }

    @Test func limitsAliasExpansion() {
        var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...5 {
            let previous = "*a\(level - 1)"
            yaml += "a\(level): &a\(level) [\(Array(repeating: previous, count: 10).joined(separator: ", "))]\n"
        }
        let result = RegistryParser.parse(yaml, file: "tasks.yaml")
        #expect(
            result.diagnostics.map(\.message) == [
                "the document expands to more than 100000 nodes through aliases"
            ])
    }

    @Test func reportsExcessiveNesting() {
        let result = RegistryParser.parse(String(repeating: "- ", count: 2000) + "x", file: "tasks.yaml")
        #expect(
            result.diagnostics.map(\.description) == [
                "tasks.yaml:1:1999: error: invalid YAML: collections are nested more than 1000 levels deep"
            ])
    }

    @Test func acceptsAnchorsAndAliases() throws {
        let yaml = """
            tasks:
              a: &task {version: 1, summary: S., timeout: 1s, input: {type: object}, output: {type: object}}
              b: *task
            """
        let registry = try #require(RegistryParser.parse(yaml, file: "tasks.yaml").registry)
        #expect(registry.tasks.map(\.name) == ["a", "b"])
    }
}
