import ArgumentParser
import TaskCLI
import Tasks

/// The one executable: server, workers and the command-line client.
@main
struct Taskforge: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "taskforge",
        abstract: "Typed background tasks behind an HTTP API, declared in tasks.yaml.",
        subcommands: [Serve.self, WorkerCommand.self, Migrate.self, Submit.self, JobsCommand.self, SchemaCommand.self])
}

/// `taskforge submit <task>`: one subcommand per task, generated from tasks.yaml.
struct Submit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Submit a job to a running server.",
        subcommands: GeneratedTasks.submitArguments.map { $0.submitCommand })
}
