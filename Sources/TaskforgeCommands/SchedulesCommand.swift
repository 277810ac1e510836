import ArgumentParser
import Foundation
import TaskRuntime

/// `taskforge schedules`: every cron schedule of tasks.yaml with its next runs, computed locally.
struct SchedulesCommand<App: TaskApplication>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "schedules", abstract: "List the tasks' cron schedules and their next runs.")
    }

    @Option(help: "How many upcoming runs to show per schedule.")
    var count = 3

    func validate() throws {
        guard count > 0 else { throw ValidationError("--count must be at least 1") }
    }

    func run() throws {
        print(ScheduleListing.render(App.catalog.schedules, now: Date(), count: count), terminator: "")
    }
}
