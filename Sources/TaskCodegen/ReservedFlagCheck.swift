import TaskSchema

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
