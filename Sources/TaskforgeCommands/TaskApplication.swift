import ArgumentParser
import Foundation
import TaskCLI
import TaskRuntime
import TaskServer

/// What a Taskforge executable serves: the code generated from its `tasks.yaml`. The generated
/// `GeneratedTasks` enum has these members; an executable conforms it and runs
/// `TaskforgeCommand<GeneratedTasks>.main()`.
public protocol TaskApplication {
    /// Every task with its handler.
    static var catalog: TaskCatalog { get }
    /// The OpenAPI 3.1 document served at `/openapi.json`.
    static var openAPIDocument: String { get }
    /// One `submit` subcommand's arguments per task.
    static var submitArguments: [any SubmitArguments.Type] { get }
    /// What the tasks need from the process (services for handlers, submission checks, settings
    /// that follow the deployment), built once at start of `serve`, `worker` and every handler
    /// process from `environment`. Throws, with a message naming the variable, when it is malformed.
    /// By default: nothing.
    static func setup(environment: [String: String]) throws -> TaskSetup
    /// Commands of the application's own beside the standard ones (`taskforge data ...`). By
    /// default: none.
    static var commands: [any ParsableCommand.Type] { get }
    /// HTTP routes of the application's own beside the generated ones (the seed services' routes,
    /// docs/compat.md), each of which `serve --no-compat <name>` can turn off. By default: none.
    static var routeProfiles: [any RouteProfile] { get }
    /// The command's name in its help and usage. By default: the executable's file name.
    static var commandName: String { get }
}

extension TaskApplication {
    public static func setup(environment: [String: String]) throws -> TaskSetup {
        TaskSetup()
    }

    public static var commands: [any ParsableCommand.Type] { [] }

    public static var routeProfiles: [any RouteProfile] { [] }

    public static var commandName: String {
        CommandLine.arguments.first.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "taskforge"
    }

    /// ``catalog`` set up for this process from its environment; a malformed setting stops the
    /// command with its message.
    static func configuredCatalog() throws -> TaskCatalog {
        do {
            return catalog.configured(try setup(environment: ProcessInfo.processInfo.environment))
        } catch {
            throw ValidationError("\(error)")
        }
    }
}
