import ArgumentParser
import Foundation
import TaskSchema

/// The registry and its schema lock, as every subcommand reads them.
struct RegistryInputs: ParsableArguments {
    @Argument(help: "The tasks.yaml to read.")
    var registry: String

    @Option(help: "The schema lock (Generated/tasks.lock.json); checked against the registry when given.")
    var lock: String?

    /// The parsed registry, or exit after printing its diagnostics.
    func loadRegistry() throws -> Registry {
        do {
            return try Registry.load(path: registry)
        } catch let error as DiagnosticsError {
            report(error.diagnostics)
            throw ExitCode.failure
        }
    }

    /// The lock when `--lock` names an existing file; `nil` when no lock was asked for or none exists yet.
    func loadLock() throws -> SchemaLock? {
        guard let lock, FileManager.default.fileExists(atPath: lock) else { return nil }
        do {
            return try SchemaLock.parse(data: Data(contentsOf: URL(fileURLWithPath: lock)))
        } catch let error as SchemaLockError {
            report([.error("the schema lock is malformed at '\(error.path)': \(error.message)", at: lockStart)])
            throw ExitCode.failure
        }
    }

    /// Diagnostics of the registry against the lock; a warning when a lock was asked for but is missing.
    func lockDiagnostics(_ registry: Registry, _ lock: SchemaLock?) -> [Diagnostic] {
        if let lock { return LockCheck.check(registry, against: lock) }
        guard let path = self.lock else { return [] }
        return [
            .warning(
                "no schema lock at \(path); run '\(SchemaLock.refreshCommand)' to record the released schemas",
                at: SourceLocation(file: registry.file, line: 1, column: 1))
        ]
    }

    private var lockStart: SourceLocation {
        SourceLocation(file: lock ?? registry, line: 1, column: 1)
    }
}

/// Prints diagnostics to standard error, one line each.
func report(_ diagnostics: [Diagnostic]) {
    for diagnostic in diagnostics {
        FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
    }
}

/// Exits with failure when any diagnostic is an error.
func failOnErrors(_ diagnostics: [Diagnostic]) throws {
    if diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode.failure }
}

/// Writes only when the contents changed, so unchanged output does not trigger recompilation.
func writeIfChanged(_ contents: String, to path: String) throws {
    let url = URL(fileURLWithPath: path)
    let data = Data(contents.utf8)
    if let existing = try? Data(contentsOf: url), existing == data { return }
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try data.write(to: url, options: .atomic)
}
