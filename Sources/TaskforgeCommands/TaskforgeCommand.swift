import ArgumentParser
import TaskCLI

/// The `taskforge` command line of an application: server, workers, the handler processes they
/// supervise, schema tools and the command-line client.
public struct TaskforgeCommand<App: TaskApplication>: AsyncParsableCommand {
    public static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: App.commandName,
            abstract: "Typed background tasks behind an HTTP API, declared in tasks.yaml.",
            subcommands: [
                Serve<App>.self, WorkerCommand<App>.self, Migrate.self, Submit<App>.self, JobsCommand.self,
                QueuesCommand.self, ArtifactsCommand.self, DatasetsCommand.self, DedupCommand.self,
                SubmitBatchCommand.self, SchemaCommand.self, SchedulesCommand<App>.self, TokenCommand<App>.self,
                HandlerHostCommand<App>.self,
            ] + App.commands)
    }

    public init() {}
}

/// `taskforge submit <task>`: one subcommand per task, generated from tasks.yaml.
struct Submit<App: TaskApplication>: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "submit", abstract: "Submit a job to a running server.",
            subcommands: App.submitArguments.map { $0.submitCommand })
    }
}
