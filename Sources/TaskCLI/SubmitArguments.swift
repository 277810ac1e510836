import ArgumentParser
import TaskRuntime

/// The typed flags of one task's `taskforge submit <task>` command; generated from `tasks.yaml`.
public protocol SubmitArguments: ParsableArguments {
    /// The task the flags belong to.
    static var definition: TaskDefinition { get }
    /// Every violation of a current-version input: the task's generated validator (by default, the
    /// interpreter on `definition.input`).
    static func validateInput(_ json: JSONValue) -> [Violation]
    /// The input fields given as flags, by JSON name.
    var fields: [String: JSONValue] { get }
    /// The paths of the files given as flags, by declared file name (tasks with `files`).
    var filePaths: [String: String] { get }
}

extension SubmitArguments {
    public var filePaths: [String: String] { [:] }

    public static func validateInput(_ json: JSONValue) -> [Violation] { definition.input.validate(json) }
}

/// The options every `taskforge submit <task>` has.
public struct SubmitOptions: ParsableArguments {
    @OptionGroup public var connection: ConnectionOptions

    @Option(
        name: .customLong("input-json"), help: "The input as a JSON object; flags given beside it override its fields.")
    public var inputJSON: String?

    @Flag(help: "Wait for the job to finish, showing its progress, then print its output.")
    public var wait = false

    @Option(name: .customLong("task-version"), help: "Submit under an older version the task still accepts.")
    public var taskVersion: Int?

    @Option(help: "Override the task's priority (-1000...1000); higher is claimed first.")
    public var priority: Int?

    @Option(help: "Hold the job back this long: '30s', '5m', '1h30m'.")
    public var delay: String?

    @Option(name: .customLong("run-at"), help: "Hold the job back until this RFC 3339 time.")
    public var runAt: String?

    @Option(
        name: .customLong("idempotency-key"),
        help: "Make the submission safe to repeat: for 24 hours the same request with this key queues nothing new.")
    public var idempotencyKey: String?

    @Flag(help: "Print the job as JSON instead of a summary.")
    public var json = false

    public init() {}

    public func validate() throws {
        if let priority, !TaskDefinition.priorityRange.contains(priority) {
            throw ValidationError("--priority must be from -1000 to 1000")
        }
        if delay != nil, runAt != nil {
            throw ValidationError("--delay and --run-at exclude each other; give one")
        }
    }

    /// The query parameters of the submit request; the server checks their values.
    var queryParameters: [(name: String, value: String)] {
        [
            ("version", taskVersion.map(String.init)), ("priority", priority.map(String.init)),
            ("delay", delay), ("run_at", runAt),
        ].compactMap { name, value in value.map { (name, $0) } }
    }
}

/// Where the server is, and the API token (env: TASKFORGE_TOKEN) to present to it.
public struct ConnectionOptions: ParsableArguments {
    @Option(help: "The Taskforge server (env: TASKFORGE_URL).")
    public var server: String = ConnectionOptions.defaultServer

    public init() {}

    public static var defaultServer: String {
        Environment.value("TASKFORGE_URL") ?? "http://127.0.0.1:8080"
    }

    /// Sent as `Authorization: Bearer <token>`; read from the environment only, so that it never
    /// shows in the process list or the shell history.
    var token: String? { Environment.value("TASKFORGE_TOKEN") }

    var client: APIClient { APIClient(baseURL: server, token: token) }
}
