import Logging
import ServiceLifecycle
import TaskRuntime

/// A ``Worker`` configured as `configuration` says, running in a service group until ``stop()``,
/// as `taskforge worker` runs it.
final class RunningWorker: Sendable {
    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    init(
        store: any JobStore, catalog: TaskCatalog, configuration: WorkerConfiguration,
        runner: any AttemptRunner = InProcessRunner(), logger: Logger
    ) {
        let worker = Worker(
            store: store, catalog: catalog, configuration: configuration, runner: runner, logger: logger)
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
