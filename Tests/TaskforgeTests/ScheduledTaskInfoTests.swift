import Foundation
import TaskRuntime
import TaskforgeTestSupport
import Testing

/// `GET /v1/tasks` shows a task's schedules with their ids and next runs.
@Suite struct ScheduledTaskInfoTests {
    @Test func theRegistryListsTheSchedules() async throws {
        let location = SourceLocation(file: "tasks.yaml", line: 1, column: 1)
        let schedule = Schedule(
            cron: CronExpression(validated: "0 0 1 1 *"), timeZone: "Europe/Berlin",
            input: ["message": "happy new year"],
            catchUp: .none, location: location)
        let definition = TaskDefinition(
            name: "greet", version: 1, summary: "G.", queue: "default", timeout: .seconds(5),
            input: Schema(type: [.object], properties: [.init("message", Schema(type: [.string]))]),
            output: Schema(type: [.object]), schedules: [schedule], location: location)
        let catalog = TaskCatalog([TaskEntry(definition) { (input: JSONValue, _: JobContext) in input }])
        try await TestServer.with(catalog: catalog, openAPIDocument: "{}") { server in
            let task = try await server.request("GET", "/v1/tasks/greet").json
            let listed = try #require(task["schedules"]?.arrayValue?.first)
            #expect(task["schedules"]?.arrayValue?.count == 1)
            #expect(listed["id"] == .string(schedule.id(task: "greet")))
            #expect(
                listed["cron"] == "0 0 1 1 *" && listed["timezone"] == "Europe/Berlin" && listed["catch_up"] == "none")
            #expect(listed["input"] == ["message": "happy new year"])
            let nextRun = try Date(
                try #require(listed["next_run"]?.stringValue),
                strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
            #expect(nextRun == schedule.nextFire(after: Date()))
        }
    }
}
