import ArgumentParser
import TaskSchema

/// `taskgen lock`: records the registry's schemas in the lock. Refused while a released version
/// changed incompatibly or a version went down: bump the version first.
struct Lock: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Refresh the schema lock from the registry.")

    @OptionGroup var inputs: RegistryInputs

    func run() throws {
        guard let path = inputs.lock else { throw ValidationError("--lock is required") }
        let registry = try inputs.loadRegistry()
        let lock = try inputs.loadLock() ?? SchemaLock()
        let errors = LockCheck.check(registry, against: lock).filter { $0.severity == .error }
        report(errors)
        try failOnErrors(errors)
        try writeIfChanged(lock.updated(with: registry).render(), to: path)
        print("wrote \(path)")
    }
}

/// `taskgen check`: fails when the lock is stale or a released version changed incompatibly.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check the registry against the schema lock.")

    @OptionGroup var inputs: RegistryInputs

    func run() throws {
        let registry = try inputs.loadRegistry()
        let lock = try inputs.loadLock()
        var diagnostics = inputs.lockDiagnostics(registry, lock)
        if let lock, diagnostics.isEmpty, lock.updated(with: registry) != lock {
            diagnostics.append(
                .warning(
                    "the schema lock is stale: run '\(SchemaLock.refreshCommand)'",
                    at: SourceLocation(file: registry.file, line: 1, column: 1)))
        }
        report(diagnostics)
        if !diagnostics.isEmpty { throw ExitCode.failure }
        print("the schema lock is up to date")
    }
}
