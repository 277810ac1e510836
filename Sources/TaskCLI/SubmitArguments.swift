import ArgumentParser
import TaskRuntime

/// The typed flags of one task's `taskforge submit <task>` command; generated from `tasks.yaml`.
public protocol SubmitArguments: ParsableArguments {
    /// The task the flags belong to.
    static var definition: TaskDefinition { get }
    /// The input fields given as flags, by JSON name.
    var fields: [String: JSONValue] { get }
}

/// The options every `taskforge submit <task>` has.
public struct SubmitOptions: ParsableArguments {
    @OptionGroup public var connection: ConnectionOptions

    @Option(name: .customLong("input-json"), help: "The input as a JSON object; flags given beside it override its fields.")
    public var inputJSON: String?

    @Flag(help: "Wait for the job to finish, showing its progress, then print its output.")
    public var wait = false

    @Option(name: .customLong("task-version"), help: "Submit under an older version the task still accepts.")
    public var taskVersion: Int?

    @Flag(help: "Print the job as JSON instead of a summary.")
    public var json = false

    public init() {}
}

/// Where the server is.
public struct ConnectionOptions: ParsableArguments {
    @Option(help: "The Taskforge server (env: TASKFORGE_URL).")
    public var server: String = ConnectionOptions.defaultServer

    public init() {}

    public static var defaultServer: String {
        Environment.value("TASKFORGE_URL") ?? "http://127.0.0.1:8080"
    }

    var client: APIClient { APIClient(baseURL: server) }
}
