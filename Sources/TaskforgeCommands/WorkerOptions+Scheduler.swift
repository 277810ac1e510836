import Logging
import ServiceLifecycle
import TaskRuntime

extension WorkerOptions {
    /// The scheduler that `serve` and `worker` run beside their worker: none with `--no-schedules`
    /// or when no task of `catalog` has a schedule.
    func schedulerServices(store: any JobStore, catalog: TaskCatalog, logger: Logger) -> [any Service] {
        guard !noSchedules, !catalog.schedules.isEmpty else { return [] }
        return [Scheduler(store: store, catalog: catalog, logger: logger)]
    }
}
