import TaskCLI
import TaskRuntime

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
}
