import Foundation
import TaskRuntime
import TaskServer

extension PageRenderer {
    /// Every live worker: where it runs, its queues and slots, the jobs it holds, its last heartbeat.
    /// One whose heartbeat is older than ``DashboardConfiguration/staleWorkerAfter`` is marked stale;
    /// it drops out when its registration expires (three leases after its last renewal).
    func workers(_ request: RenderRequest) async throws -> Page {
        _ = try request.api.principal(holding: .read)
        let workers = try await operations.store.liveWorkers(now: request.now)
        let rows = workers.map { worker -> HTML in
            let age = request.now.timeIntervalSince(worker.lastSeen)
            let stale = age > configuration.staleWorkerAfter.seconds
            let queues = worker.queues.keys.sorted().map { name -> HTML in
                "<li><a href=\"\(Paths.with(paths.jobsRoot, [("queue", name)]))\">\(name)</a> × \(worker.queues[name] ?? 0)</li>"
            }
            let running = worker.running.map { id -> HTML in
                "<li><a class=\"mono\" href=\"\(paths.job(id))\">\(String(id.lowercasedString.prefix(8)))</a></li>"
            }
            return """
                <tr data-worker="\(worker.id)"><th scope="row"><code>\(worker.id)</code>\(stale ? " <span class=\"badge alert\">stale</span>" as HTML : "")</th>
                <td>\(worker.host.isEmpty ? "—" : worker.host)</td><td class="num">\(worker.pid == 0 ? "—" : String(worker.pid))</td>
                <td><ul class="plain">\(queues)</ul></td>
                <td class="num">\(Format.count(worker.running.count)) / \(Format.count(worker.queues.values.reduce(0, +)))</td>
                <td>\(running.isEmpty ? "—" : "<ul class=\"plain\">\(running)</ul>" as HTML)</td>
                <td>\(Format.time(worker.lastSeen, now: request.now))</td>
                <td>\(Format.time(worker.startedAt, now: request.now))</td></tr>
                """
        }
        let table: HTML =
            workers.isEmpty
            ? "<p class=\"empty\">No worker is registered: start one with <code>taskforge worker</code> (or <code>serve</code> with workers).</p>"
            : """
            <div class="scroll"><table>
            <thead><tr><th scope="col">Worker</th><th scope="col">Host</th><th scope="col" class="num">PID</th><th scope="col">Queues × slots</th>
            <th scope="col" class="num">Busy</th><th scope="col">Running jobs</th><th scope="col">Last heartbeat</th><th scope="col">Started</th></tr></thead>
            <tbody>\(rows)</tbody></table></div>
            """
        return Page(title: "Workers", section: .workers, live: table)
    }
}
