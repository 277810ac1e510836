import ArgumentParser
import Foundation
import TaskCodegen
import TaskSchema

/// `taskgen generate`: the build plugin's step. Checks the registry against the lock and writes
/// the generated Swift files of a target.
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Write the generated Swift files for a target.")

    @OptionGroup var inputs: RegistryInputs

    @Option(help: "The directory to write the generated files to.")
    var outputDirectory: String

    @Option(help: "The target's directory relative to its package, for the files named in missing-handler messages.")
    var targetDirectory: String?

    func run() throws {
        let registry = try inputs.loadRegistry()
        let lock = try inputs.loadLock()
        var diagnostics = inputs.lockDiagnostics(registry, lock)
        let generator = TaskCodeGenerator(
            registry: registry, lock: lock ?? SchemaLock(), targetDirectory: targetDirectory)
        diagnostics += generator.diagnostics()
        report(diagnostics)
        try failOnErrors(diagnostics)
        for file in generator.swiftFiles() {
            try writeIfChanged(
                file.contents, to: URL(fileURLWithPath: outputDirectory).appendingPathComponent(file.name).path)
        }
    }
}
