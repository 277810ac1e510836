import Foundation
import TaskSchema
import Testing

private let registry = """
    tasks:
      echo:
        version: 1
        summary: Echo.
        timeout: 30s
        input:
          type: object
          description: What to echo.
          required: [message]
          properties:
            message: {type: string, maxLength: 10, description: The text.}
        output: {type: object, properties: {message: {type: string, title: Message}}}
    """

/// The lock of `registry`; the fingerprint is `printf '%s' '<canonical JSON>' | sha256sum`.
private let rendered = """
    {
      "lock_version": 1,
      "tasks": {
        "echo": {
          "versions": {
            "1": {
              "annotations": {
                "input": {
                  "": {
                    "description": "What to echo."
                  },
                  "/properties/message": {
                    "description": "The text."
                  }
                },
                "output": {
                  "/properties/message": {
                    "title": "Message"
                  }
                }
              },
              "fingerprint": "sha256:2c4879a7f8fba2e99c38c0feb45200b0f922291bcb8aa03ac9709af77970a905",
              "input": {
                "additionalProperties": false,
                "properties": {
                  "message": {
                    "maxLength": 10,
                    "type": "string"
                  }
                },
                "required": [
                  "message"
                ],
                "type": "object"
              },
              "output": {
                "additionalProperties": false,
                "properties": {
                  "message": {
                    "type": "string"
                  }
                },
                "type": "object"
              }
            }
          }
        }
      }
    }

    """

private func parse(_ text: String) throws(SchemaLockError) -> SchemaLock {
    try SchemaLock.parse(data: Data(text.utf8))
}

/// A lock text broken in one way, and the exact error it must give.
struct BrokenLock: Sendable, CustomTestStringConvertible {
    var name: String
    var text: String
    var error: String

    var testDescription: String { name }
}

private let fingerprint = "sha256:2c4879a7f8fba2e99c38c0feb45200b0f922291bcb8aa03ac9709af77970a905"

let brokenLocks: [BrokenLock] = [
    BrokenLock(
        name: "not JSON", text: "{\"lock_version\": 1,",
        error: "malformed schema lock: not valid JSON"),
    BrokenLock(name: "not an object", text: "[]", error: "malformed schema lock: expected an object, found array"),
    BrokenLock(name: "no tasks", text: #"{"lock_version": 1}"#, error: "malformed schema lock: missing key 'tasks'"),
    BrokenLock(
        name: "newer lock version", text: #"{"lock_version": 2, "tasks": {}}"#,
        error: "malformed schema lock at 'lock_version': unsupported lock_version 2; this version of Taskforge reads 1"),
    BrokenLock(
        name: "task without versions", text: #"{"lock_version": 1, "tasks": {"echo": {}}}"#,
        error: "malformed schema lock at 'tasks.echo': missing key 'versions'"),
    BrokenLock(
        name: "version key not a number", text: #"{"lock_version": 1, "tasks": {"echo": {"versions": {"v1": {}}}}}"#,
        error: "malformed schema lock at 'tasks.echo.versions': version keys must be positive integers, found 'v1'"),
    BrokenLock(
        name: "version key zero", text: #"{"lock_version": 1, "tasks": {"echo": {"versions": {"0": {}}}}}"#,
        error: "malformed schema lock at 'tasks.echo.versions': version keys must be positive integers, found '0'"),
    BrokenLock(
        name: "entry without annotations", text: #"{"lock_version": 1, "tasks": {"echo": {"versions": {"1": {}}}}}"#,
        error: "malformed schema lock at 'tasks.echo.versions.1': missing key 'annotations'"),
    BrokenLock(
        name: "annotation not a string",
        text: rendered.replacingOccurrences(of: #""title": "Message""#, with: #""title": 7"#),
        error: "malformed schema lock at 'tasks.echo.versions.1.annotations.output./properties/message.title': "
            + "expected a string 'title' or 'description', found 7"),
    BrokenLock(
        name: "unsupported keyword",
        text: rendered.replacingOccurrences(of: #""maxLength": 10"#, with: #""maxLenght": 10"#),
        error: "malformed schema lock at 'tasks.echo.versions.1.input': not a supported schema: "
            + "at '/properties/message': unknown keyword 'maxLenght'"),
    BrokenLock(
        name: "schema edited by hand",
        text: rendered.replacingOccurrences(of: #""maxLength": 10"#, with: #""maxLength": 20"#),
        error: "malformed schema lock at 'tasks.echo.versions.1.fingerprint': \"\(fingerprint)\" does not match the "
            + "locked schemas, which hash to \"sha256:7e6b77719905f9a6a405a997f0adac5aaea352242ddb2dcf712f6cc48aacc70f\"; "
            + "the lock was edited by hand: restore it from version control and refresh it with "
            + "'swift package --allow-writing-to-package-directory taskgen lock'"),
]

@Suite struct SchemaLockTests {
    @Test func rendersTheDocumentedFormat() throws {
        let lock = SchemaLock().updated(with: try parseRegistry(registry))
        #expect(lock.render() == rendered)
    }

    @Test func roundTripsThroughItsRendering() throws {
        let lock = SchemaLock().updated(with: try parseRegistry(registry))
        let parsed = try parse(lock.render())
        #expect(parsed == lock)
        #expect(parsed.render() == lock.render())
        #expect(try parse(rendered) == lock)
    }

    @Test func rendersEqualLocksToTheSameBytes() throws {
        let first = SchemaLock().updated(with: try parseRegistry(registry))
        var second = SchemaLock()
        for _ in 0..<3 {
            second = second.updated(with: try parseRegistry(registry))
        }
        #expect(Data(first.render().utf8) == Data(second.render().utf8))
    }

    @Test func ordersVersionsNumerically() throws {
        let entry = try #require(SchemaLock().updated(with: parseRegistry(registry)).entry(task: "echo", version: 1))
        let lock = SchemaLock(tasks: ["echo": [10: entry, 2: entry, 9: entry]])
        let keys = lock.render().split(separator: "\n").filter { $0.hasPrefix("        \"") }.map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        #expect(keys == [#""2": {"#, #""9": {"#, #""10": {"#])
        #expect(try parse(lock.render()) == lock)
    }

    @Test func isCodable() throws {
        let lock = SchemaLock().updated(with: try parseRegistry(registry))
        let decoded = try JSONDecoder().decode(SchemaLock.self, from: JSONEncoder().encode(lock))
        #expect(decoded == lock)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(SchemaLock.self, from: Data(#"{"lock_version": 2, "tasks": {}}"#.utf8))
        }
    }

    @Test func theEmptyLockRoundTrips() throws {
        #expect(SchemaLock().render() == "{\n  \"lock_version\": 1,\n  \"tasks\": {}\n}\n")
        #expect(try parse(SchemaLock().render()) == SchemaLock())
    }

    @Test(arguments: brokenLocks)
    func reportsAMalformedLock(_ broken: BrokenLock) {
        #expect {
            try parse(broken.text)
        } throws: { error in
            let description = (error as? SchemaLockError)?.description ?? "\(error)"
            // The JSON parser's own wording varies by platform: only the prefix is ours.
            return broken.name == "not JSON" ? description.hasPrefix(broken.error) : description == broken.error
        }
    }

    @Test func lockedSchemasComeBackWithTheirAnnotations() throws {
        let parsed = try parseRegistry(registry)
        let task = try #require(parsed.task(named: "echo"))
        let entry = SchemaLock.VersionEntry(task: task, in: parsed)
        #expect(
            try entry.input.schema()
                == Schema(
                    type: [.object],
                    properties: [.init("message", Schema(type: [.string], maxLength: 10, description: "The text."))],
                    required: ["message"], additionalProperties: false, description: "What to echo."))
        #expect(
            try entry.output.schema()
                == Schema(
                    type: [.object], properties: [.init("message", Schema(type: [.string], title: "Message"))],
                    additionalProperties: false))
    }

    @Test func fingerprintsIgnoreAnnotations() throws {
        let parsed = try parseRegistry(registry)
        let annotated = try parseRegistry(
            registry.replacingOccurrences(of: "description: The text.", with: "title: Text"))
        let fingerprint = { (registry: Registry) throws in
            SchemaLock.VersionEntry(task: try #require(registry.task(named: "echo")), in: registry).fingerprint
        }
        #expect(try fingerprint(parsed) == fingerprint(annotated))
        #expect(try fingerprint(parsed) == "sha256:2c4879a7f8fba2e99c38c0feb45200b0f922291bcb8aa03ac9709af77970a905")
    }
}
