import TaskSchema
import Testing

/// A broken registry and the exact diagnostics it must produce, in order.
struct BrokenRegistry: Sendable, CustomTestStringConvertible {
    var name: String
    var yaml: String
    var expected: [String]

    var testDescription: String { name }
}

private let supported =
    "type, properties, required, additionalProperties, enum, const, minimum, maximum, "
    + "exclusiveMinimum, exclusiveMaximum, multipleOf, minLength, maxLength, pattern, format, items, minItems, "
    + "maxItems, uniqueItems, default, title, description, $ref"

private let durationHint = "must be a duration such as '30s', '500ms' or '1h30m'"

let brokenRegistries: [BrokenRegistry] = [
    BrokenRegistry(
        name: "unknown key in a task",
        yaml: """
            tasks:
              echo:
                version: 1
                sumary: Echo a message.
                timeout: 30s
                input: {type: object}
                output: {type: object}
            """,
        expected: [
            "tasks.yaml:2:3: error: task 'echo' is missing required key 'summary'",
            "tasks.yaml:4:5: error: unknown key 'sumary' in task 'echo'; did you mean 'summary'?",
        ]),
    BrokenRegistry(
        name: "unknown keys in a schema",
        yaml: """
            tasks:
              echo:
                version: 1
                summary: Echo a message.
                timeout: 30s
                input:
                  type: object
                  properties:
                    message: {type: string, maxLenght: 10}
                    limit: {type: integer, MAXIMUM: 10, color: red}
                output: {type: object}
            """,
        expected: [
            "tasks.yaml:9:33: error: unknown key 'maxLenght' in schema; did you mean 'maxLength'?",
            "tasks.yaml:10:32: error: unknown key 'MAXIMUM' in schema; did you mean 'maximum'?",
            "tasks.yaml:10:45: error: unknown key 'color' in schema",
        ]),
    BrokenRegistry(
        name: "unknown key at the top level",
        yaml: """
            types: {}
            task:
              echo: {}
            """,
        expected: [
            "tasks.yaml:1:1: error: the file is missing required key 'tasks'",
            "tasks.yaml:2:1: error: unknown key 'task' at the top level; did you mean 'tasks'?",
        ]),
    BrokenRegistry(
        name: "unknown key in retry",
        yaml: """
            tasks:
              echo:
                version: 1
                summary: Echo a message.
                timeout: 30s
                retry: {maxAttempts: 3}
                input: {type: object}
                output: {type: object}
            """,
        expected: [
            "tasks.yaml:6:5: error: 'retry' is missing required key 'max_attempts'",
            "tasks.yaml:6:13: error: unknown key 'maxAttempts' in 'retry'; did you mean 'max_attempts'?",
        ]),
    BrokenRegistry(
        name: "missing task keys",
        yaml: """
            tasks:
              echo:
                version: 1
            """,
        expected: [
            "tasks.yaml:2:3: error: task 'echo' is missing required keys 'summary', 'timeout', 'input' and 'output'"
        ]),
    BrokenRegistry(
        name: "wrong value types",
        yaml: """
            tasks:
              echo:
                version: 1
                summary: 42
                description: [a]
                timeout: 30s
                input:
                  type: object
                  properties:
                    tags:
                      type: array
                      maxItems: "10"
                      uniqueItems: yes
                    ratio:
                      type: number
                      minimum: low
                output: {type: object}
            """,
        expected: [
            "tasks.yaml:4:14: error: 'summary' must be a string, found 42",
            "tasks.yaml:5:18: error: 'description' must be a string, found list",
            "tasks.yaml:12:21: error: 'maxItems' must be a non-negative integer, found string",
            "tasks.yaml:13:24: error: 'uniqueItems' must be a boolean, found string",
            "tasks.yaml:16:20: error: 'minimum' must be a number, found string",
        ]),
    BrokenRegistry(
        name: "dangling and malformed $ref",
        yaml: """
            types:
              BBox: {type: array, items: {type: number}}
            tasks:
              echo:
                version: 1
                summary: Echo a message.
                timeout: 30s
                input:
                  type: object
                  properties:
                    box: {$ref: '#/types/Bbox'}
                    other: {$ref: '#/$defs/BBox', minItems: 1}
                output: {type: object}
            """,
        expected: [
            "tasks.yaml:11:21: error: $ref '#/types/Bbox' does not name a type under 'types'; did you mean 'BBox'?",
            "tasks.yaml:12:23: error: $ref must have the form '#/types/<Name>', found '#/$defs/BBox'",
            "tasks.yaml:12:39: error: 'minItems' cannot be used beside '$ref'; only 'description', 'title' and 'default' can",
        ]),
    BrokenRegistry(
        name: "invalid and duplicate task names",
        yaml: """
            tasks:
              EchoTask: {version: 1, summary: S., timeout: 1s, input: {type: object}, output: {type: object}}
              sleep: {version: 1, summary: S., timeout: 1s, input: {type: object}, output: {type: object}}
              sleep: {version: 2, summary: S., timeout: 1s, input: {type: object}, output: {type: object}}
              2fast: {version: 1, summary: S., timeout: 1s, input: {type: object}, output: {type: object}}
              echo_1: {version: 1, summary: S., timeout: 1s, input: {type: object}, output: {type: object}}
              echo1: {version: 1, summary: S., timeout: 1s, input: {type: object}, output: {type: object}}
            """,
        expected: [
            "tasks.yaml:2:3: error: task name 'EchoTask' must be lower snake_case, like 'echo_task'",
            "tasks.yaml:4:3: error: duplicate task 'sleep'; first declared at line 3",
            "tasks.yaml:5:3: error: task name '2fast' must be lower snake_case",
            "tasks.yaml:7:3: error: task 'echo1' has the same Swift type name 'Echo1' as task 'echo_1'",
        ]),
    BrokenRegistry(
        name: "non-positive and non-integer versions",
        yaml: """
            tasks:
              zero: {version: 0, summary: S., timeout: 1s, input: {type: object}, output: {type: object}}
              minus: {version: -1, summary: S., timeout: 1s, input: {type: object}, output: {type: object}}
              text: {version: "1", summary: S., timeout: 1s, input: {type: object}, output: {type: object}}
              half: {version: 1.5, summary: S., timeout: 1s, input: {type: object}, output: {type: object}}
            """,
        expected: [
            "tasks.yaml:2:19: error: 'version' must be a positive integer, found 0",
            "tasks.yaml:3:20: error: 'version' must be a positive integer, found -1",
            "tasks.yaml:4:19: error: 'version' must be a positive integer, found string",
            "tasks.yaml:5:19: error: 'version' must be a positive integer, found 1.5",
        ]),
    BrokenRegistry(
        name: "contradictory bounds",
        yaml: """
            tasks:
              echo:
                version: 1
                summary: S.
                timeout: 1s
                input:
                  type: object
                  properties:
                    a: {type: integer, minimum: 10, maximum: 5}
                    b: {type: number, exclusiveMinimum: 5, exclusiveMaximum: 5}
                    c: {type: number, minimum: 5, exclusiveMaximum: 5}
                    d: {type: string, minLength: 4, maxLength: 3}
                    e: {type: array, minItems: 2, maxItems: 1}
                    f: {type: number, multipleOf: 0}
                output: {type: object}
            """,
        expected: [
            "tasks.yaml:9:37: error: 'minimum' (10) is greater than 'maximum' (5)",
            "tasks.yaml:10:45: error: 'exclusiveMinimum' (5) is not less than 'exclusiveMaximum' (5)",
            "tasks.yaml:11:36: error: 'minimum' (5) is not less than 'exclusiveMaximum' (5)",
            "tasks.yaml:12:38: error: 'minLength' (4) is greater than 'maxLength' (3)",
            "tasks.yaml:13:36: error: 'minItems' (2) is greater than 'maxItems' (1)",
            "tasks.yaml:14:39: error: 'multipleOf' must be greater than 0, found 0",
        ]),
    BrokenRegistry(
        name: "unsupported keywords",
        yaml: """
            tasks:
              echo:
                version: 1
                summary: S.
                timeout: 1s
                input:
                  type: object
                  additionalProperties: {type: string}
                  properties:
                    a:
                      oneOf: [{type: string}, {type: integer}]
                    b: {type: string, $schema: x}
                output: {type: object}
            """,
        expected: [
            "tasks.yaml:8:29: error: 'additionalProperties' with a schema is unsupported; use true or false",
            "tasks.yaml:11:11: error: unsupported keyword 'oneOf'; Taskforge supports: \(supported)",
            "tasks.yaml:12:27: error: unsupported keyword '$schema'; Taskforge supports: \(supported)",
        ]),
    BrokenRegistry(
        name: "bad durations",
        yaml: """
            tasks:
              echo:
                version: 1
                summary: S.
                timeout: 30
                retry: {max_attempts: 3, initial: 0s, max: 1h30}
                input: {type: object}
                output: {type: object}
              sleep:
                version: 1
                summary: S.
                timeout: 30 seconds
                input: {type: object}
                output: {type: object}
            """,
        expected: [
            "tasks.yaml:5:14: error: 'timeout' \(durationHint), found 30",
            "tasks.yaml:6:39: error: 'initial' must be a positive duration, found '0s'",
            "tasks.yaml:6:48: error: 'max' \(durationHint), found '1h30'",
            "tasks.yaml:12:14: error: 'timeout' \(durationHint), found '30 seconds'",
        ]),
    BrokenRegistry(
        name: "bad priorities",
        yaml: """
            tasks:
              high: {version: 1, summary: S., priority: 1001, timeout: 1s, input: {type: object}, output: {type: object}}
              low: {version: 1, summary: S., priority: -1001, timeout: 1s, input: {type: object}, output: {type: object}}
              text: {version: 1, summary: S., priority: high, timeout: 1s, input: {type: object}, output: {type: object}}
              half: {version: 1, summary: S., priority: 1.5, timeout: 1s, input: {type: object}, output: {type: object}}
              echo:
                version: 1
                summary: S.
                priorty: 1
                timeout: 1s
                input: {type: object}
                output: {type: object}
            """,
        expected: [
            "tasks.yaml:2:45: error: 'priority' must be an integer from -1000 to 1000, found 1001",
            "tasks.yaml:3:44: error: 'priority' must be an integer from -1000 to 1000, found -1001",
            "tasks.yaml:4:45: error: 'priority' must be an integer from -1000 to 1000, found string",
            "tasks.yaml:5:45: error: 'priority' must be an integer from -1000 to 1000, found 1.5",
            "tasks.yaml:9:5: error: unknown key 'priorty' in task 'echo'; did you mean 'priority'?",
        ]),
    BrokenRegistry(
        name: "retry policy",
        yaml: """
            tasks:
              echo:
                version: 1
                summary: S.
                timeout: 1s
                retry:
                  max_attempts: 0
                  backoff: linear
                  initial: 2m
                input: {type: object}
                output: {type: object}
            """,
        expected: [
            "tasks.yaml:7:21: error: 'max_attempts' must be a positive integer, found 0",
            "tasks.yaml:8:16: error: 'backoff' must be 'exponential' or 'fixed', found 'linear'",
            "tasks.yaml:9:16: error: 'initial' (2m) is greater than 'max' (1m, the default)",
        ]),
    BrokenRegistry(
        name: "YAML syntax error: unterminated flow mapping",
        yaml: """
            tasks:
              echo: {version: 1
            """,
        expected: [
            "tasks.yaml:3:1: error: invalid YAML: did not find expected ',' or '}' (while parsing a flow mapping at line 2, column 9)"
        ]),
    BrokenRegistry(
        name: "YAML syntax error: colon in a plain value",
        yaml: """
            tasks:
              echo:
                summary: Echo: a message
            """,
        expected: [
            "tasks.yaml:3:18: error: invalid YAML: mapping values are not allowed in this context"
        ]),
    BrokenRegistry(
        name: "required names an undeclared property",
        yaml: """
            tasks:
              echo:
                version: 1
                summary: S.
                timeout: 1s
                input:
                  type: object
                  properties:
                    message: {type: string}
                  required: [message, mesage, count, message]
                output: {type: object}
            """,
        expected: [
            "tasks.yaml:10:27: error: 'required' lists 'mesage', which is not declared under 'properties'; did you mean 'message'?",
            "tasks.yaml:10:35: error: 'required' lists 'count', which is not declared under 'properties'",
            "tasks.yaml:10:42: error: 'required' lists 'message' more than once",
        ]),
    BrokenRegistry(
        name: "invalid defaults",
        yaml: """
            tasks:
              echo:
                version: 1
                summary: S.
                timeout: 1s
                input:
                  type: object
                  properties:
                    count: {type: integer, minimum: 1, default: 0}
                    name: {type: string, default: 42}
                    box: {$ref: '#/types/BBox', default: [1, 2, x]}
                output: {type: object}
            types:
              BBox: {type: array, items: {type: number}, minItems: 4}
            """,
        expected: [
            "tasks.yaml:9:53: error: invalid 'default': must be at least 1, found 0",
            "tasks.yaml:10:39: error: invalid 'default': expected string, found integer",
            "tasks.yaml:11:46: error: invalid 'default': must have at least 4 items, found 3",
            "tasks.yaml:11:46: error: invalid 'default' at '/2': expected number, found string",
        ]),
    BrokenRegistry(
        name: "keywords that do not fit the schema",
        yaml: """
            tasks:
              echo:
                version: 1
                summary: S.
                timeout: 1s
                input:
                  type: object
                  properties:
                    a: {type: number, minLength: 1}
                    b: {maxLength: 3}
                    c: {type: integer, enum: [1, two, 1]}
                    d: {type: int}
                    e: {type: string, format: datetime}
                    f: {type: string, pattern: '[a-'}
                    firstName: {type: string}
                    g: {type: [string, integer]}
                output: {type: object}
            """,
        expected: [
            "tasks.yaml:9:27: error: 'minLength' applies to strings, but this schema's type is number",
            "tasks.yaml:10:13: error: 'maxLength' applies to strings, but this schema has no 'type'",
            "tasks.yaml:11:38: error: 'enum' value \"two\" does not match the schema's type integer",
            "tasks.yaml:11:43: error: 'enum' lists 1 more than once",
            "tasks.yaml:12:19: error: unknown type 'int'; expected one of object, array, string, integer, number, boolean, null; did you mean 'integer'?",
            "tasks.yaml:13:35: error: unknown format 'datetime'; supported formats: date, date-time, uuid, uri, email, dataset; did you mean 'date-time'?",
            "tasks.yaml:14:36: error: 'pattern' '[a-' is not a valid regular expression",
            "tasks.yaml:15:9: error: property name 'firstName' must be lower snake_case, like 'first_name'",
            "tasks.yaml:16:19: error: 'type' lists are supported only as [T, \"null\"]; other unions are not supported",
        ]),
    BrokenRegistry(
        name: "input and output must be objects",
        yaml: """
            tasks:
              echo:
                version: 1
                summary: S.
                timeout: 1s
                input: {type: string}
                output: {$ref: '#/types/Result'}
            types:
              Result: {type: object}
            """,
        expected: [
            "tasks.yaml:6:5: error: 'input' must be a schema with 'type: object', found type string",
            "tasks.yaml:7:5: error: 'output' must be a schema with 'type: object', found a $ref",
        ]),
    BrokenRegistry(
        name: "type names",
        yaml: """
            types:
              Echo: {type: string}
              Tree: {type: object, properties: {children: {type: array, items: {$ref: '#/types/Tree'}}}}
              bbox: {type: array}
              SharedSchemas: {type: string}
            tasks:
              echo: {version: 1, summary: S., timeout: 1s, input: {type: object}, output: {type: object}}
              handlers: {version: 1, summary: S., timeout: 1s, input: {type: object}, output: {type: object}}
            """,
        expected: [
            "tasks.yaml:2:3: error: type name 'Echo' collides with the Swift type generated for task 'echo'",
            "tasks.yaml:3:3: error: type 'Tree' refers to itself through $ref ('Tree' -> 'Tree'); recursive types are not supported",
            "tasks.yaml:4:3: error: type name 'bbox' must be UpperCamelCase, like 'Bbox'",
            "tasks.yaml:5:3: error: 'SharedSchemas' would collide with the generated 'SharedSchemas'; choose another name",
            "tasks.yaml:8:3: error: 'handlers' would collide with the generated 'Handlers'; choose another name",
        ]),
    BrokenRegistry(
        name: "duplicate keys and properties",
        yaml: """
            tasks:
              echo:
                version: 1
                summary: S.
                timeout: 1s
                input:
                  type: object
                  properties:
                    message: {type: string}
                    message: {type: integer}
                output: {type: object}
                output: {type: object}
            """,
        expected: [
            "tasks.yaml:10:9: error: duplicate property 'message'; first declared at line 9",
            "tasks.yaml:12:5: error: duplicate key 'output'; first declared at line 11",
        ]),
    BrokenRegistry(
        name: "empty task list",
        yaml: "tasks: {}",
        expected: ["tasks.yaml:1:8: error: 'tasks' must declare at least one task"]),
    BrokenRegistry(
        name: "empty file",
        yaml: "",
        expected: ["tasks.yaml:1:1: error: expected a mapping with 'tasks' at the top level, but the file is empty"]),
    BrokenRegistry(
        name: "several problems in one file",
        yaml: """
            types:
              BBox: {type: array, items: {type: number}, minItems: 4, maxItems: 4}
            tasks:
              echo:
                version: 0
                summary: Echo a message.
                timeout: soon
                input:
                  type: object
                  properties:
                    message: {type: string, maxLenght: 10}
                    box: {$ref: '#/types/Bbox'}
                    count: {type: integer, minimum: 10, maximum: 5}
                  required: [mesage]
                output: {type: object, anyOf: []}
              Sleep:
                version: 1
                summary: Sleep.
                timeout: 1s
                input: {type: object}
                output: {type: object}
            """,
        expected: [
            "tasks.yaml:5:14: error: 'version' must be a positive integer, found 0",
            "tasks.yaml:7:14: error: 'timeout' \(durationHint), found 'soon'",
            "tasks.yaml:11:33: error: unknown key 'maxLenght' in schema; did you mean 'maxLength'?",
            "tasks.yaml:12:21: error: $ref '#/types/Bbox' does not name a type under 'types'; did you mean 'BBox'?",
            "tasks.yaml:13:41: error: 'minimum' (10) is greater than 'maximum' (5)",
            "tasks.yaml:14:18: error: 'required' lists 'mesage', which is not declared under 'properties'; did you mean 'message'?",
            "tasks.yaml:15:28: error: unsupported keyword 'anyOf'; Taskforge supports: \(supported)",
            "tasks.yaml:16:3: error: task name 'Sleep' must be lower snake_case, like 'sleep'",
        ]),
]

@Suite struct RegistryDiagnosticsTests {
    @Test(arguments: brokenRegistries)
    func reportsEveryProblemWithItsPosition(_ broken: BrokenRegistry) {
        let result = RegistryParser.parse(broken.yaml, file: "tasks.yaml")
        #expect(result.registry == nil)
        #expect(result.diagnostics.map(\.description) == broken.expected)
    }
}
