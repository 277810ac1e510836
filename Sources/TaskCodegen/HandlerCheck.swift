import Foundation
import TaskSchema

/// Checks, before the compiler does, that every task has its handler function, so that a missing
/// one is reported at the task's line with the exact function to write.
struct HandlerCheck {
    let registry: Registry
    /// The Swift source files of the target, by path.
    let sources: [String: String]
    /// Where handlers live, for the suggestion (`Sources/Tasks/Handlers`).
    let handlersDirectory: String?

    func diagnostics() -> [Diagnostic] {
        registry.tasks.compactMap { task in
            let pattern = "\\bfunc\\s+\(NSRegularExpression.escapedPattern(for: task.handlerName))\\s*\\("
            let declared = sources.values.contains { $0.range(of: pattern, options: .regularExpression) != nil }
            guard !declared else { return nil }
            let file = handlersDirectory.map { "\($0)/\(task.typeName).swift" } ?? "\(task.typeName).swift"
            return .error(
                "task '\(task.name)' has no handler: add 'func \(task.handlerName)(_ input: \(task.typeName).Input, "
                    + "_ job: JobContext) async throws -> \(task.typeName).Output' in \(file)",
                at: task.location)
        }
    }
}

/// Input property names that would collide with the options every `taskforge submit` has.
struct ReservedFlagCheck {
    let registry: Registry

    func diagnostics() -> [Diagnostic] {
        registry.tasks.flatMap { task in
            task.input.properties.compactMap { property in
                let flag = Naming.kebabCase(property.name)
                guard CommandLineRenderer.reservedFlags.contains(flag) else { return nil }
                return .error(
                    "input property '\(property.name)' of task '\(task.name)' would shadow the command-line option "
                        + "'--\(flag)' of 'taskforge submit'; rename the property",
                    at: property.schema.location ?? task.location)
            }
        }
    }
}
