import Foundation
import PackagePlugin

/// Runs `taskgen generate` on a target's `tasks.yaml` whenever it, its schema lock or a Swift file
/// of the target changes.
///
/// The registry is the `tasks.yaml` in the target's own directory when there is one (a test target
/// with test-only tasks, a user's own target), else the one at the package root. The lock is
/// `Generated/tasks.lock.json` beside the root registry, or `tasks.lock.json` beside a target's own.
@main
struct TaskgenPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let local = target.directoryURL.appending(path: "tasks.yaml")
        let isLocal = FileManager.default.fileExists(atPath: local.path())
        let registry = isLocal ? local : context.package.directoryURL.appending(path: "tasks.yaml")
        let lock =
            isLocal
            ? target.directoryURL.appending(path: "tasks.lock.json")
            : context.package.directoryURL.appending(path: "Generated/tasks.lock.json")
        let output = context.pluginWorkDirectoryURL.appending(path: "GeneratedSources")
        let sources = target.sourceFiles(withSuffix: "swift").map(\.url)
        let outputs = [
            "Generated+TaskTypes.swift", "Generated+TaskCatalog.swift", "Generated+CommandLine.swift",
            "Generated+OpenAPI.swift",
        ]
        let lockExists = FileManager.default.fileExists(atPath: lock.path())
        return [
            .buildCommand(
                displayName: "Generating task code from \(registry.lastPathComponent) for \(target.name)",
                executable: try context.tool(named: "taskgen").url,
                arguments: [
                    "generate", registry.path(),
                    "--output-directory", output.path(),
                    "--target-directory", target.directoryURL.path(),
                ] + (isLocal && !lockExists ? [] : ["--lock", lock.path()])
                    + sources.flatMap { ["--source", $0.path()] },
                inputFiles: [registry] + (lockExists ? [lock] : []) + sources,
                outputFiles: outputs.map { output.appending(path: $0) })
        ]
    }
}
