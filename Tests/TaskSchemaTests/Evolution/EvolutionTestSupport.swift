import Foundation
import TaskSchema
import Testing

/// Parses registry text that must be valid.
func parseRegistry(_ yaml: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Registry {
    let result = RegistryParser.parse(yaml, file: "tasks.yaml")
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics)", sourceLocation: sourceLocation)
    return try #require(result.registry, sourceLocation: sourceLocation)
}

/// A registry with one task, `echo`, whose `direction` schema is `body` (YAML without indentation).
/// The schema's key is on line 6 and `body` starts on line 7; the other schema is an empty object.
func singleTaskRegistry(_ direction: SchemaDirection, body: String) -> String {
    let other: SchemaDirection = direction == .input ? .output : .input
    let indented = body.split(separator: "\n", omittingEmptySubsequences: false).map { "      " + $0 }
    return """
        tasks:
          echo:
            version: 1
            summary: Echo.
            timeout: 30s
            \(direction.rawValue):
        \(indented.joined(separator: "\n"))
            \(other.rawValue): {type: object}
        """
}

/// A classified change, flattened for exact comparison: rule, breaking, message, pointer, line.
struct ExpectedChange: Equatable, CustomStringConvertible {
    var rule: String
    var isBreaking: Bool
    var message: String
    var pointer: String
    var line: Int?

    init(_ rule: String, _ isBreaking: Bool, _ message: String, _ pointer: String, line: Int?) {
        self.rule = rule
        self.isBreaking = isBreaking
        self.message = message
        self.pointer = pointer
        self.line = line
    }

    init(_ change: SchemaChange) {
        self.init(change.rule, change.isBreaking, change.message, change.pointer, line: change.location?.line)
    }

    var description: String {
        "\(rule) \(isBreaking ? "breaking" : "compatible") '\(message)' at \(pointer) line \(line.map(String.init) ?? "-")"
    }
}

/// Classifies `old` -> `new` (single-task registries built with ``singleTaskRegistry(_:body:)``) the
/// way the lock check does: the old schema goes through the lock's canonical form first.
func classify(_ direction: SchemaDirection, old: String, new: String) throws -> [SchemaChange] {
    let oldRegistry = try parseRegistry(singleTaskRegistry(direction, body: old))
    let newRegistry = try parseRegistry(singleTaskRegistry(direction, body: new))
    let oldTask = try #require(oldRegistry.task(named: "echo"))
    let newTask = try #require(newRegistry.task(named: "echo"))
    let pick = { (task: TaskDefinition) in direction == .input ? task.input : task.output }
    let locked = try CanonicalSchema(pick(oldTask), in: oldRegistry).schema()
    return CompatibilityClassifier.changes(
        from: locked, to: newRegistry.resolvingRefs(in: pick(newTask)), direction: direction)
}
