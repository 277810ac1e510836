import Foundation
import TaskSchema

/// Checks, before the compiler does, that every task has its handler function and an upgrade
/// function for each older version it accepts, so that a missing one is reported at the task's
/// line with the exact function to write and the file to write it in.
struct HandlerCheck {
    let registry: Registry
    /// The Swift source files of the target, by path.
    let sources: [String: String]
    /// The target's directory (`Sources/Tasks`), for the suggested file.
    let targetDirectory: String?

    func diagnostics() -> [Diagnostic] {
        registry.tasks.flatMap { task in
            var missing: [Diagnostic] = []
            let type = task.typeName
            for handler in task.handlerSignatures
            where !declares("\\bfunc\\s+\(NSRegularExpression.escapedPattern(for: handler.name))\\s*\\(") {
                missing.append(
                    .error(
                        "\(handler.owner) has no handler: add '\(handler.signature)' in \(file("Handlers", type))",
                        at: handler.location))
            }
            for version in task.acceptedVersions
            where !declares("\\bfunc\\s+upgrade\\s*\\(\\s*_\\s+\\w+\\s*:\\s*\(type)\\.V\(version)\\.Input\\b") {
                missing.append(
                    .error(
                        "task '\(task.name)' accepts version \(version) but has no upgrade: add 'func upgrade(_ old: "
                            + "\(type).V\(version).Input) throws -> \(type).Input' in \(file("Upgrades", type + "+Upgrade"))",
                        at: task.location))
            }
            return missing
        }
    }

    private func declares(_ pattern: String) -> Bool {
        sources.values.contains { $0.range(of: pattern, options: .regularExpression) != nil }
    }

    private func file(_ folder: String, _ type: String) -> String {
        [targetDirectory, folder, "\(type).swift"].compactMap { $0 }.joined(separator: "/")
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
