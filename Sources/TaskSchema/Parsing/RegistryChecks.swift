/// Checks that need the whole registry: `$ref` targets, recursive types, Swift name collisions
/// and `default` values (validated against their schemas with refs resolved).
struct RegistryChecks {
    let context: ParseContext
    let registry: Registry
    /// Every task name written, including tasks that failed to parse.
    let taskNames: [(name: String, location: SourceLocation)]

    func run() {
        checkReferences()
        checkSwiftTypeNames()
        let recursive = recursiveTypes()
        checkDefaults(excluding: recursive)
        checkScheduleInputs(excluding: recursive)
        checkRouteAliases()
    }

    /// Two tasks cannot answer one `http` path.
    private func checkRouteAliases() {
        var owners: [String: String] = [:]
        for task in registry.tasks {
            guard let path = task.alias?.path else { continue }
            if let other = owners[path] {
                context.error(
                    "task '\(task.name)' declares http path '\(path)', which task '\(other)' declares too",
                    at: task.location)
            } else {
                owners[path] = task.name
            }
        }
    }

    private func checkReferences() {
        let names = registry.types.map(\.name)
        for (name, location) in context.references where !names.contains(name) {
            context.error(
                "$ref '#/types/\(name)' does not name a type under 'types'"
                    + NameSuggestions.didYouMean(name, in: names),
                at: location)
        }
    }

    /// Task `echo` generates the Swift type `Echo`: no other task or named type may claim it.
    private func checkSwiftTypeNames() {
        var owners: [String: String] = [:]
        for (name, location) in taskNames where Naming.isLowerSnakeCase(name) {
            let typeName = Naming.upperCamelCase(name)
            if let other = owners[typeName] {
                context.error(
                    "task '\(name)' has the same Swift type name '\(typeName)' as task '\(other)'", at: location)
            } else {
                owners[typeName] = name
            }
        }
        for type in registry.types {
            if let task = owners[type.name], let location = type.schema.location {
                context.error(
                    "type name '\(type.name)' collides with the Swift type generated for task '\(task)'", at: location)
            }
        }
        let declared: [(name: String, location: SourceLocation?)] =
            taskNames.map { ($0.name, $0.location) } + registry.types.map { ($0.name, $0.schema.location) }
        for (name, location) in declared
        where Self.generatedNames.contains(Naming.upperCamelCase(name)) || Self.generatedNames.contains(name) {
            guard let location else { continue }
            context.error(
                "'\(name)' would collide with the generated '\(Naming.upperCamelCase(name))'; choose another name",
                at: location)
        }
    }

    /// The names the generator declares besides the tasks' and types' own.
    static let generatedNames: Set<String> = ["GeneratedTasks", "TaskContract", "Handlers", "SharedSchemas"]

    /// The names of types that reach themselves through `$ref`; each cycle is reported once.
    private func recursiveTypes() -> Set<String> {
        let edges = Dictionary(
            registry.types.map { ($0.name, Self.references(in: $0.schema)) }, uniquingKeysWith: { first, _ in first })
        var recursive: Set<String> = []
        for type in registry.types.sorted(by: { ($0.schema.location?.line ?? 0) < ($1.schema.location?.line ?? 0) }) {
            guard !recursive.contains(type.name), let cycle = Self.path(from: type.name, to: type.name, edges: edges)
            else { continue }
            recursive.formUnion(cycle)
            let description = ([type.name] + cycle).map { "'\($0)'" }.joined(separator: " -> ")
            context.error(
                "type '\(type.name)' refers to itself through $ref (\(description)); recursive types are not supported",
                at: type.schema.location ?? SourceLocation(file: registry.file, line: 1, column: 1))
        }
        return recursive
    }

    /// The names along a `$ref` path from `start` that ends at `target`, `start` excluded.
    private static func path(from start: String, to target: String, edges: [String: [String]]) -> [String]? {
        var visited: Set<String> = []
        var stack: [(name: String, path: [String])] = [(start, [])]
        while let (name, path) = stack.popLast() {
            for next in edges[name] ?? [] {
                if next == target { return path + [next] }
                if visited.insert(next).inserted { stack.append((next, path + [next])) }
            }
        }
        return nil
    }

    /// The type names `schema` and its nested schemas refer to, in order.
    private static func references(in schema: Schema) -> [String] {
        var names = schema.ref.map { [$0] } ?? []
        for property in schema.properties {
            names += references(in: property.schema)
        }
        if let items = schema.items {
            names += references(in: items)
        }
        return names
    }

    /// Every `default` must be valid against its own schema.
    private func checkDefaults(excluding recursive: Set<String>) {
        // Without the recursive types, resolving refs terminates; refs to them stay unresolved.
        let resolvable = Registry(
            file: registry.file, types: registry.types.filter { !recursive.contains($0.name) }, tasks: [])
        for (schema, location) in context.defaults {
            guard let value = schema.defaultValue else { continue }
            for violation in resolvable.resolvingRefs(in: schema).validate(value) {
                let place = violation.pointer.isEmpty ? "" : " at '\(violation.pointer)'"
                context.error("invalid 'default'\(place): \(violation.message)", at: location)
            }
        }
    }
}
