import Foundation
import TaskRuntime
import TaskServer

extension PageRenderer {
    /// Every cron schedule of the catalog: its expression and time zone, its next runs, its last
    /// ticks with the jobs they made, and "Run now", which enqueues one job with the schedule's input (beside, not instead of,
    /// its ticks).
    func schedules(_ request: RenderRequest) async throws -> Page {
        _ = try request.api.principal(holding: .read)
        let schedules = operations.catalog.schedules
        var rows: [HTML] = []
        for scheduled in schedules {
            let ticks = try await operations.store.recentScheduledTicks(scheduleID: scheduled.id, limit: 3).map {
                tick -> HTML in
                "<li>\(Format.time(tick.tick, now: request.now)) <a href=\"\(paths.job(tick.jobID))\"><code>\(tick.jobID.lowercasedString.prefix(8))</code></a></li>"
            }
            let next = scheduled.nextFires(after: request.now, count: 3).map { Format.time($0, now: request.now) }
            let run: HTML =
                request.principal?.maySubmit(task: scheduled.task) ?? false
                ? request.actionForm(paths.action("schedules/run"), "Run now", fields: [("schedule", scheduled.id)])
                : ""
            rows.append(
                """
                <tr><th scope="row"><code>\(scheduled.id)</code></th>
                <td><a href="\(paths.task(scheduled.task))">\(scheduled.task)</a></td>
                <td><code>\(scheduled.schedule.cron.source)</code></td><td>\(scheduled.schedule.timeZone)</td>
                <td>\(scheduled.schedule.catchUp.rawValue)</td>
                <td><ul class="plain">\(next.map { "<li>\($0)</li>" as HTML })</ul></td>
                <td>\(ticks.isEmpty ? "never" : "<ul class=\"plain\">\(ticks)</ul>" as HTML)</td>
                <td><a href="\(Paths.with(paths.jobsRoot, [("task", scheduled.task)]))">jobs</a></td>
                <td>\(run)</td></tr>
                """)
        }
        let table: HTML =
            schedules.isEmpty
            ? "<p class=\"empty\">No task declares a schedule (<code>schedules:</code> in tasks.yaml).</p>"
            : """
            <div class="scroll"><table>
            <thead><tr><th scope="col">Schedule</th><th scope="col">Task</th><th scope="col">Cron</th><th scope="col">Time zone</th>
            <th scope="col">Catch-up</th><th scope="col">Next runs</th><th scope="col">Last ticks and their jobs</th><th scope="col">Jobs</th>
            <th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
            <tbody>\(rows)</tbody></table></div>
            """
        return Page(title: "Schedules", section: .schedules, live: table)
    }
}
