import Foundation
import PackagePlugin

/// Runs `taskgen` on a target's `tasks.yaml` whenever it (or a Swift file of the target) changes.
///
/// The registry is the `tasks.yaml` in the target's own directory when there is one (a test target
/// with test-only tasks, a user's own target), else the one at the package root.
@main
struct TaskgenPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let local = target.directoryURL.appending(path: "tasks.yaml")
        let registry =
            FileManager.default.fileExists(atPath: local.path())
            ? local : context.package.directoryURL.appending(path: "tasks.yaml")
        let output = context.pluginWorkDirectoryURL.appending(path: "GeneratedSources")
        let sources = target.sourceFiles(withSuffix: "swift").map(\.url)
        let outputs = ["Generated+TaskTypes.swift", "Generated+TaskCatalog.swift", "Generated+CommandLine.swift"]
        return [
            .buildCommand(
                displayName: "Generating task code from \(registry.lastPathComponent) for \(target.name)",
                executable: try context.tool(named: "taskgen").url,
                arguments: [
                    "generate", registry.path(),
                    "--output-directory", output.path(),
                    "--handlers-directory", target.directoryURL.appending(path: "Handlers").path(),
                ] + sources.flatMap { ["--source", $0.path()] },
                inputFiles: [registry] + sources,
                outputFiles: outputs.map { output.appending(path: $0) })
        ]
    }
}
