import Foundation
import PackagePlugin

/// Runs `taskgen generate` on a target's `tasks.yaml` whenever it or its schema lock changes. The
/// target's own Swift files are not inputs: the compiler checks them against the generated
/// `TaskContract`.
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
        let outputs = [
            "Generated+TaskTypes.swift", "Generated+TaskContract.swift", "Generated+TaskCatalog.swift",
            "Generated+CommandLine.swift", "Generated+OpenAPI.swift",
        ]
        // Named relative to the package in the messages of a missing handler: `Sources/Tasks`.
        let packagePath = context.package.directoryURL.standardizedFileURL.path()
        let targetPath = target.directoryURL.standardizedFileURL.path()
        let targetDirectory =
            targetPath.hasPrefix(packagePath) ? String(targetPath.dropFirst(packagePath.count)) : targetPath
        let lockExists = FileManager.default.fileExists(atPath: lock.path())
        return [
            .buildCommand(
                displayName: "Generating task code from \(registry.lastPathComponent) for \(target.name)",
                executable: try context.tool(named: "taskgen").url,
                arguments: [
                    "generate", registry.path(),
                    "--output-directory", output.path(),
                    "--target-directory",
                    targetDirectory.hasSuffix("/") ? String(targetDirectory.dropLast()) : targetDirectory,
                ] + (isLocal && !lockExists ? [] : ["--lock", lock.path()]),
                inputFiles: [registry] + (lockExists ? [lock] : []),
                outputFiles: outputs.map { output.appending(path: $0) })
        ]
    }
}
