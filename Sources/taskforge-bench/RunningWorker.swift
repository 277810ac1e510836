import Logging
import ServiceLifecycle
import TaskRuntime

/// A ``Worker`` serving the no-op task's queue with `slots` concurrent jobs, running in a
/// service group until ``stop()``, as `taskforge worker` runs it.
final class RunningWorker: Sendable {
    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    init(
        store: any JobStore, catalog: TaskCatalog, slots: Int, runner: any AttemptRunner = InProcessRunner(),
        logger: Logger
    ) {
        let worker = Worker(
            store: store, catalog: catalog, configuration: WorkerConfiguration(queues: [NoopTask.queue: slots]),
            runner: runner, logger: logger)
        let group = ServiceGroup(configuration: .init(services: [worker], logger: logger))
        self.group = group
        task = Task { try await group.run() }
    }

    /// Shuts the worker down gracefully and waits until it has stopped.
    func stop() async throws {
        await group.triggerGracefulShutdown()
        try await task.value
    }
}
