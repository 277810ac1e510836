import TaskSchema

/// Renders everything the build needs from a registry: the task types, the dispatch table and
/// the command-line flags. Output is deterministic: the same registry gives the same bytes.
public struct TaskCodeGenerator {
    public let registry: Registry
    /// The released schemas; older versions a task still `accepts` get their `Input` types from it.
    public let lock: SchemaLock
    /// The target's directory relative to its package (`Sources/Tasks`), for the files named in the
    /// messages of a missing handler; `nil` names them relative to the target.
    public let targetDirectory: String?

    public init(registry: Registry, lock: SchemaLock = SchemaLock(), targetDirectory: String? = nil) {
        self.registry = registry
        self.lock = lock
        self.targetDirectory = targetDirectory
    }

    /// The generated Swift files, in a fixed order with fixed names.
    public func swiftFiles() -> [GeneratedFile] {
        [
            TaskTypesRenderer(registry: registry, lock: lock).render(),
            TaskContractRenderer(registry: registry, targetDirectory: targetDirectory).render(),
            TaskCatalogRenderer(registry: registry).render(),
            CommandLineRenderer(registry: registry).render(),
            OpenAPIConstantRenderer(registry: registry, lock: lock).render(),
        ]
    }

    /// The names of ``swiftFiles()``, known before parsing (the build plugin declares them up front).
    public static let swiftFileNames = [
        TaskTypesRenderer.fileName, TaskContractRenderer.fileName, TaskCatalogRenderer.fileName,
        CommandLineRenderer.fileName,
        OpenAPIConstantRenderer.fileName,
    ]

    /// Problems the compiler would report less clearly: input properties that clash with
    /// command-line options. (A missing handler is the compiler's to report: see `TaskContract`.)
    public func diagnostics() -> [Diagnostic] {
        ReservedFlagCheck(registry: registry).diagnostics()
    }
}
