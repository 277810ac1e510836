import CoreMetrics
import Foundation
import Hummingbird
import TaskRuntime

/// `GET /metrics` (public): the Prometheus exposition of the process's metrics. Before each
/// scrape the queue gauges are refreshed from the store: `taskforge_queue_jobs{queue, state}`
/// (`state` one of `pending`, `scheduled`, `running`), `taskforge_queue_workers{queue}` and
/// `taskforge_queue_paused{queue}` (1 while the queue is paused, else 0).
struct MetricsRoutes {
    let catalog: TaskCatalog
    let store: any JobStore
    let exporter: MetricsExporter

    func register(on router: Router<TaskRequestContext>) {
        router.get("/metrics") { _, _ in
            let statuses = QueueStatus.including(catalog.queues, in: try await store.queueStatus(now: Date()))
            for status in statuses {
                let counts = [
                    ("pending", status.pending), ("scheduled", status.scheduled), ("running", status.running),
                ]
                for (state, count) in counts {
                    Meter(
                        label: "taskforge_queue_jobs", dimensions: [("queue", status.name), ("state", state)],
                        factory: exporter.factory
                    ).set(count)
                }
                Meter(label: "taskforge_queue_workers", dimensions: [("queue", status.name)], factory: exporter.factory)
                    .set(status.workers)
                Meter(label: "taskforge_queue_paused", dimensions: [("queue", status.name)], factory: exporter.factory)
                    .set(status.paused == nil ? 0 : 1)
            }
            return exporter.response()
        }
    }
}
