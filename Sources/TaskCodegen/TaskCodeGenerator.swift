import TaskSchema

/// Renders everything the build needs from a registry: the task types, the dispatch table and
/// the command-line flags. Output is deterministic: the same registry gives the same bytes.
public struct TaskCodeGenerator {
    public let registry: Registry
    /// The released schemas; older versions a task still `accepts` get their `Input` types from it.
    public let lock: SchemaLock

    public init(registry: Registry, lock: SchemaLock = SchemaLock()) {
        self.registry = registry
        self.lock = lock
    }

    /// The generated Swift files, in a fixed order with fixed names.
    public func swiftFiles() -> [GeneratedFile] {
        [
            TaskTypesRenderer(registry: registry, lock: lock).render(),
            TaskCatalogRenderer(registry: registry).render(),
            CommandLineRenderer(registry: registry).render(),
            OpenAPIConstantRenderer(registry: registry, lock: lock).render(),
        ]
    }

    /// The names of ``swiftFiles()``, known before parsing (the build plugin declares them up front).
    public static let swiftFileNames = [
        TaskTypesRenderer.fileName, TaskCatalogRenderer.fileName, CommandLineRenderer.fileName,
        OpenAPIConstantRenderer.fileName,
    ]

    /// Problems the compiler would report less clearly: missing handler and upgrade functions
    /// (given the target's Swift sources by path, and its directory for the suggestion) and input
    /// properties that clash with command-line options.
    public func diagnostics(sources: [String: String], targetDirectory: String?) -> [Diagnostic] {
        HandlerCheck(registry: registry, sources: sources, targetDirectory: targetDirectory).diagnostics()
            + ReservedFlagCheck(registry: registry).diagnostics()
    }
}
