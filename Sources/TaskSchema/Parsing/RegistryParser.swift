import Foundation

/// The outcome of parsing a `tasks.yaml`: the registry when it is valid, and every diagnostic.
public struct RegistryParseResult: Sendable {
    /// The parsed registry; `nil` exactly when ``diagnostics`` holds an error.
    public var registry: Registry?
    /// Every problem found, sorted by line, then column.
    public var diagnostics: [Diagnostic]

    public init(registry: Registry?, diagnostics: [Diagnostic]) {
        self.registry = registry
        self.diagnostics = diagnostics
    }
}

/// Parses `tasks.yaml`, reporting every problem in the file at once with its exact position.
public enum RegistryParser {
    /// Parses registry source `text`; `file` is used verbatim in diagnostics.
    public static func parse(_ text: String, file: String) -> RegistryParseResult {
        // libyaml allows 1000 levels of nesting, and Yams and this parser recurse once per level:
        // a dedicated thread with a large stack keeps deep documents from overflowing small stacks.
        let box = ResultBox()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.result = parseOnCurrentThread(text, file: file)
            done.signal()
        }
        thread.stackSize = 32 << 20
        thread.start()
        done.wait()
        return box.result
    }

    private final class ResultBox: @unchecked Sendable {
        var result = RegistryParseResult(registry: nil, diagnostics: [])
    }

    private static let topLevelKeys = ["types", "tasks"]

    private static func parseOnCurrentThread(_ text: String, file: String) -> RegistryParseResult {
        let context = ParseContext()
        let start = SourceLocation(file: file, line: 1, column: 1)
        let root: YAMLNode?
        do {
            root = try YAMLLoader.load(text, file: file)
        } catch {
            return RegistryParseResult(registry: nil, diagnostics: [error.diagnostic])
        }
        guard let root, let rawEntries = root.entries else {
            let found = root.map { ", found \($0.found)" } ?? ", but the file is empty"
            context.error("expected a mapping with 'tasks' at the top level\(found)", at: root?.location ?? start)
            return RegistryParseResult(registry: nil, diagnostics: context.diagnostics)
        }
        let entries = context.uniqueEntries(rawEntries, noun: "key")
        context.rejectUnknownKeys(entries, allowed: topLevelKeys, place: "at the top level")
        context.requireKeys(["tasks"], in: entries, owner: "the file", at: root.location)

        let types = entries.first { $0.key == "types" }.map { namedTypes($0, context: context) } ?? []
        let tasks = entries.first { $0.key == "tasks" }.map { taskEntries($0, context: context) } ?? []
        let parser = TaskParser(context: context)
        let registry = Registry(file: file, types: types, tasks: tasks.compactMap(parser.parse))
        let taskNames = tasks.map { (name: $0.key, location: $0.keyLocation) }
        RegistryChecks(context: context, registry: registry, taskNames: taskNames).run()

        let diagnostics = context.diagnostics.enumerated()
            .sorted { lhs, rhs in
                let left = (lhs.element.location.line, lhs.element.location.column, lhs.offset)
                let right = (rhs.element.location.line, rhs.element.location.column, rhs.offset)
                return left < right
            }
            .map(\.element)
        return RegistryParseResult(registry: context.hasErrors ? nil : registry, diagnostics: diagnostics)
    }

    private static func namedTypes(_ entry: YAMLNode.Entry, context: ParseContext) -> [NamedType] {
        guard let entries = entry.value.entries else {
            context.error(
                "'types' must be a mapping of type names to schemas, found \(entry.value.found)",
                at: entry.valueLocation)
            return []
        }
        let parser = SchemaParser(context: context)
        return context.uniqueEntries(entries, noun: "type").map { typeEntry in
            if !NameSuggestions.isUpperCamelCase(typeEntry.key) {
                let suggestion = NameSuggestions.upperCamelCase(typeEntry.key).map { ", like '\($0)'" } ?? ""
                context.error(
                    "type name '\(typeEntry.key)' must be UpperCamelCase\(suggestion)", at: typeEntry.keyLocation)
            }
            return NamedType(name: typeEntry.key, schema: parser.parse(typeEntry, role: "type '\(typeEntry.key)'"))
        }
    }

    /// The entries under `tasks:`, one per task name.
    private static func taskEntries(_ entry: YAMLNode.Entry, context: ParseContext) -> [YAMLNode.Entry] {
        guard let entries = entry.value.entries else {
            context.error(
                "'tasks' must be a mapping of task names to tasks, found \(entry.value.found)", at: entry.valueLocation)
            return []
        }
        guard !entries.isEmpty else {
            context.error("'tasks' must declare at least one task", at: entry.valueLocation)
            return []
        }
        return context.uniqueEntries(entries, noun: "task")
    }
}

extension Registry {
    /// Reads and parses the registry at `path`.
    ///
    /// - Throws: ``DiagnosticsError`` with every diagnostic when the file cannot be read or has errors.
    public static func load(path: String) throws -> Registry {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            let location = SourceLocation(file: path, line: 1, column: 1)
            throw DiagnosticsError([.error("cannot read '\(path)': \(error.localizedDescription)", at: location)])
        }
        let result = RegistryParser.parse(text, file: path)
        guard let registry = result.registry else {
            throw DiagnosticsError(result.diagnostics)
        }
        return registry
    }
}
