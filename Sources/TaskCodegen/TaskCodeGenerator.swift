import TaskSchema

/// Renders everything the build needs from a registry: the task types, the dispatch table and
/// the command-line flags. Output is deterministic: the same registry gives the same bytes.
public struct TaskCodeGenerator {
    public let registry: Registry

    public init(registry: Registry) {
        self.registry = registry
    }

    /// The generated Swift files, in a fixed order with fixed names.
    public func swiftFiles() -> [GeneratedFile] {
        [
            TaskTypesRenderer(registry: registry).render(),
            TaskCatalogRenderer(registry: registry).render(),
            CommandLineRenderer(registry: registry).render(),
        ]
    }

    /// The names of ``swiftFiles()``, known before parsing (the build plugin declares them up front).
    public static let swiftFileNames = [
        TaskTypesRenderer.fileName, TaskCatalogRenderer.fileName, CommandLineRenderer.fileName,
    ]

    /// Problems the compiler would report less clearly: missing handler functions (given the
    /// target's Swift sources by path) and input properties that clash with command-line options.
    public func diagnostics(sources: [String: String], handlersDirectory: String?) -> [Diagnostic] {
        HandlerCheck(registry: registry, sources: sources, handlersDirectory: handlersDirectory).diagnostics()
            + ReservedFlagCheck(registry: registry).diagnostics()
    }
}
