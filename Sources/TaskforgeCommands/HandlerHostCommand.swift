import ArgumentParser
import TaskRuntime

/// `taskforge handler-host`: a handler process, started and supervised by `serve` and `worker`
/// (see ``HandlerProcessPool``); not meant to be run by hand.
struct HandlerHostCommand<App: TaskApplication>: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "handler-host", abstract: "Run handlers for a supervising worker (internal).",
            shouldDisplay: false)
    }

    @OptionGroup var logging: LoggingOptions

    func run() async throws {
        await HandlerHost(catalog: try App.configuredCatalog(), logger: logging.bootstrap()).run()
    }
}
