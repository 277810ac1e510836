import Foundation
import TaskRuntime
import TaskServer

extension PageRenderer {
    /// Every queue: its jobs, workers and slots, the age of its oldest ready job; a queue with ready
    /// jobs and no worker is marked, and an admin can pause and resume each.
    func overview(_ request: RenderRequest) async throws -> Page {
        let queues = try await operations.queues(context: request.api)
        let finished = Dictionary(grouping: try await lastHour.counts(now: request.now), by: \.queue)
        let rows = queues.map { queue -> HTML in
            let hour = Sparkline(finished[queue.name] ?? [], now: request.now)
            let failureRate: HTML =
                hour.finished == 0
                ? "—" : "\(Format.percent((Double(hour.failed) / Double(hour.finished) * 1000).rounded() / 10)) %"
            let starving = queue.pending > 0 && queue.workers == 0 && queue.paused == nil
            var status: [HTML] = []
            if let pause = queue.paused {
                status.append(
                    "<span class=\"badge paused\" title=\"paused \(Format.utc(pause.pausedAt))\">paused</span>")
            }
            if starving { status.append("<span class=\"badge alert\">no worker</span>") }
            let action: HTML =
                !request.may(.admin)
                ? ""
                : queue.paused == nil
                    ? request.actionForm(paths.action("queues/pause"), "Pause", fields: [("queue", queue.name)])
                    : request.actionForm(paths.action("queues/resume"), "Resume", fields: [("queue", queue.name)])
            let jobsLink = Paths.with(paths.jobsRoot, [("queue", queue.name)])
            return """
                <tr data-queue="\(queue.name)">
                <th scope="row"><a href="\(jobsLink)">\(queue.name)</a> \(status.joined)</th>
                <td class="num"><a href="\(Paths.with(paths.jobsRoot, [("queue", queue.name), ("state", "pending")]))">\(Format.count(queue.pending))</a></td>
                <td class="num">\(Format.count(queue.scheduled))</td>
                <td class="num"><a href="\(Paths.with(paths.jobsRoot, [("queue", queue.name), ("state", "running")]))">\(Format.count(queue.running))</a></td>
                <td class="num">\(Format.count(queue.workers))</td>
                <td class="num">\(Format.count(queue.concurrency))</td>
                <td class="num">\(queue.oldestPendingAge.map { Format.duration($0) } ?? "—")</td>
                <td class="num"><a href="\(Paths.with(paths.jobsRoot, [("queue", queue.name), ("state", "succeeded")]))">\(Format.count(hour.finished - hour.failed))</a></td>
                <td class="num"><a href="\(Paths.with(paths.jobsRoot, [("queue", queue.name), ("state", "failed")]))">\(Format.count(hour.failed - hour.quarantined))</a></td>
                <td class="num"><a href="\(Paths.with(paths.jobsRoot, [("queue", queue.name), ("state", "quarantined")]))">\(Format.count(hour.quarantined))</a></td>
                <td class="num">\(failureRate)</td>
                <td>\(hour.svg)</td>
                <td>\(action)</td>
                </tr>
                """
        }
        let totals = queues.reduce(into: (pending: 0, running: 0, workers: 0)) {
            $0.pending += $1.pending
            $0.running += $1.running
            $0.workers = max($0.workers, $1.workers)
        }
        return Page(
            title: "Overview", section: .overview,
            live: """
                <section aria-labelledby="totals-title">
                <h2 id="totals-title" class="visually-hidden">Totals</h2>
                <dl class="totals">
                <div><dt>Pending</dt><dd>\(Format.count(totals.pending))</dd></div>
                <div><dt>Running</dt><dd>\(Format.count(totals.running))</dd></div>
                <div><dt>Queues</dt><dd>\(Format.count(queues.count))</dd></div>
                <div><dt>Paused</dt><dd>\(Format.count(queues.filter { $0.paused != nil }.count))</dd></div>
                </dl>
                </section>
                <section aria-labelledby="queues-title">
                <h2 id="queues-title">Queues</h2>
                <div class="scroll"><table class="queues">
                <thead><tr><th scope="col">Queue</th><th scope="col" class="num">Pending</th><th scope="col" class="num">Scheduled</th>
                <th scope="col" class="num">Running</th><th scope="col" class="num">Workers</th><th scope="col" class="num">Slots</th>
                <th scope="col" class="num">Oldest ready</th><th scope="col" class="num">Done 1 h</th><th scope="col" class="num">Failed 1 h</th>
                <th scope="col" class="num">Quarantined 1 h</th>
                <th scope="col" class="num">Failure rate</th><th scope="col">Last hour</th>
                <th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
                <tbody>\(rows)</tbody>
                </table></div>
                </section>
                """)
    }
}
