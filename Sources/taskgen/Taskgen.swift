import ArgumentParser
import Foundation
import TaskCodegen
import TaskSchema

/// Generates Swift sources from a `tasks.yaml`. Run by the build plugin; diagnostics are printed in
/// the compiler's format so that SwiftPM and editors show them at the offending line.
@main
struct Taskgen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "taskgen",
        abstract: "Generate Swift sources from a tasks.yaml registry.",
        subcommands: [Generate.self])
}

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Write the generated Swift files for a target.")

    @Argument(help: "The tasks.yaml to read.")
    var registry: String

    @Option(help: "The directory to write the generated files to.")
    var outputDirectory: String

    @Option(help: "A Swift source file of the target, searched for handler functions (repeatable).")
    var source: [String] = []

    @Option(help: "Where the target's handlers live, named in the missing-handler message.")
    var handlersDirectory: String?

    func run() throws {
        let parsed: Registry
        do {
            parsed = try Registry.load(path: registry)
        } catch let error as DiagnosticsError {
            report(error.diagnostics)
            throw ExitCode.failure
        }
        let generator = TaskCodeGenerator(registry: parsed)
        var sources: [String: String] = [:]
        for path in source {
            sources[path] = try String(contentsOfFile: path, encoding: .utf8)
        }
        let diagnostics = generator.diagnostics(sources: sources, handlersDirectory: handlersDirectory)
        report(diagnostics)
        if diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode.failure }
        try FileManager.default.createDirectory(atPath: outputDirectory, withIntermediateDirectories: true)
        for file in generator.swiftFiles() {
            try write(file.contents, to: URL(fileURLWithPath: outputDirectory).appendingPathComponent(file.name))
        }
    }

    /// Writes only when the contents changed, so unchanged output does not trigger recompilation.
    private func write(_ contents: String, to url: URL) throws {
        let data = Data(contents.utf8)
        if let existing = try? Data(contentsOf: url), existing == data { return }
        try data.write(to: url, options: .atomic)
    }

    private func report(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
        }
    }
}
