import Foundation
import Logging
import TaskRuntime
import TaskStoreSQLite
import Testing

@testable import TaskforgeCommands

/// `serve` and `worker` run a scheduler only when the catalog has schedules and `--no-schedules` is not given.
@Suite struct SchedulerWiringTests {
    @Test func aSchedulerRunsOnlyForScheduledCatalogsWithoutTheFlag() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("taskforge-wiring-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try await SQLiteJobStore.open(
            path: directory.appendingPathComponent("jobs.sqlite").path, logger: Logger(label: "test"))
        let location = SourceLocation(file: "tasks.yaml", line: 1, column: 1)
        var definition = TaskDefinition(
            name: "tick", version: 1, summary: "T.", queue: "default", timeout: .seconds(5),
            input: Schema(type: [.object]), output: Schema(type: [.object]), location: location)
        let unscheduled = TaskCatalog([TaskEntry(definition) { (input: JSONValue, _: JobContext) in input }])
        definition.schedules = [Schedule(cron: CronExpression(validated: "@hourly"), location: location)]
        let scheduled = TaskCatalog([TaskEntry(definition) { (input: JSONValue, _: JobContext) in input }])

        let defaults = try WorkerOptions.parse([])
        let disabled = try WorkerOptions.parse(["--no-schedules"])
        let logger = Logger(label: "test")
        #expect(defaults.schedulerServices(store: store, catalog: scheduled, logger: logger).count == 1)
        #expect(defaults.schedulerServices(store: store, catalog: unscheduled, logger: logger).isEmpty)
        #expect(disabled.schedulerServices(store: store, catalog: scheduled, logger: logger).isEmpty)
        try await store.close()
    }
}
