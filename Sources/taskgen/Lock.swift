import ArgumentParser
import Foundation
import TaskCodegen
import TaskSchema

/// `taskgen lock`: records the registry's schemas in the lock and writes the OpenAPI document.
/// Refused while a released version changed incompatibly or a version went down: bump first.
struct Lock: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Refresh the schema lock and the OpenAPI document.")

    @OptionGroup var inputs: RegistryInputs

    @Option(help: "Where to write the OpenAPI document (Generated/openapi.json).")
    var openapi: String?

    func run() throws {
        guard let path = inputs.lock else { throw ValidationError("--lock is required") }
        let registry = try inputs.loadRegistry()
        let lock = try inputs.loadLock() ?? SchemaLock()
        let errors = LockCheck.check(registry, against: lock).filter { $0.severity == .error }
        report(errors)
        try failOnErrors(errors)
        let updated = lock.updated(with: registry)
        try writeIfChanged(updated.render(), to: path)
        print("wrote \(path)")
        if let openapi {
            try writeIfChanged(OpenAPIRenderer.render(for: registry, lock: updated), to: openapi)
            print("wrote \(openapi)")
        }
    }
}

/// `taskgen check`: fails when the lock or the OpenAPI document is stale, or a released version
/// changed incompatibly.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check the registry against the schema lock.")

    @OptionGroup var inputs: RegistryInputs

    @Option(help: "The committed OpenAPI document to compare (Generated/openapi.json).")
    var openapi: String?

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
        if let lock, let openapi,
            (try? String(contentsOfFile: openapi, encoding: .utf8)) != OpenAPIRenderer.render(for: registry, lock: lock)
        {
            diagnostics.append(
                .warning(
                    "\(openapi) is stale: run '\(SchemaLock.refreshCommand)'",
                    at: SourceLocation(file: registry.file, line: 1, column: 1)))
        }
        report(diagnostics)
        if !diagnostics.isEmpty { throw ExitCode.failure }
        print("the schema lock and the OpenAPI document are up to date")
    }
}
