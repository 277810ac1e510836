import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory taskgen lock`: refreshes the committed
/// `Generated/tasks.lock.json` and `Generated/openapi.json` from `tasks.yaml`, refusing while a
/// released version changed incompatibly. `swift package taskgen check` only checks.
@main
struct TaskgenCommand: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) throws {
        let taskgen = try context.tool(named: "taskgen").url
        let root = context.package.directoryURL
        let registry = root.appending(path: "tasks.yaml").path()
        let generated = root.appending(path: "Generated")
        let lock = generated.appending(path: "tasks.lock.json").path()
        let openAPI = generated.appending(path: "openapi.json").path()
        switch arguments.first {
        case "lock":
            try run(taskgen, ["lock", registry, "--lock", lock, "--openapi", openAPI])
        case "check", nil:
            try run(taskgen, ["check", registry, "--lock", lock, "--openapi", openAPI])
        case let other?:
            Diagnostics.error("unknown subcommand '\(other)'; use 'lock' or 'check'")
        }
    }

    private func run(_ tool: URL, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = tool
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        if process.terminationStatus != 0 {
            Diagnostics.error("taskgen \(arguments[0]) failed")
        }
    }
}
