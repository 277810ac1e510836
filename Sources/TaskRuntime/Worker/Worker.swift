import Foundation
import Logging
import ServiceLifecycle
import Synchronization

/// Claims jobs from a ``JobStore`` and runs them through a ``TaskCatalog``.
///
/// One claim loop per queue keeps that queue's slots full; a heartbeat loop renews leases and
/// stops attempts whose job was cancelled or whose lease was lost; a rescue loop retries jobs whose
/// worker vanished. On graceful shutdown it stops claiming, lets running attempts finish within
/// ``WorkerConfiguration/shutdownGracePeriod``, then gives the rest back.
public final class Worker: Service {
    private let store: any JobStore
    private let catalog: TaskCatalog
    private let configuration: WorkerConfiguration
    private let logger: Logger
    private let running = RunningAttempts()
    private let doorbells: [String: Doorbell]
    private let draining = Atomic<Bool>(false)

    public init(store: any JobStore, catalog: TaskCatalog, configuration: WorkerConfiguration, logger: Logger) {
        self.store = store
        self.catalog = catalog
        self.configuration = configuration
        self.logger = logger
        self.doorbells = configuration.queues.mapValues { _ in Doorbell() }
    }

    public func run() async throws {
        logger.info(
            "worker started",
            metadata: [
                "workerId": "\(configuration.workerID)",
                "queues": "\(configuration.queues.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ","))",
            ])
        await withGracefulShutdownHandler {
            await withDiscardingTaskGroup { background in
                background.addTask { await self.heartbeatLoop() }
                background.addTask { await self.rescueLoop() }
                background.addTask { await self.wakeOnReadyJobs() }
                await withDiscardingTaskGroup { queues in
                    for (queue, slots) in configuration.queues where slots > 0 {
                        queues.addTask { await self.claimLoop(queue: queue, slots: slots) }
                    }
                }
                background.cancelAll()
            }
        } onGracefulShutdown: {
            self.beginShutdown()
        }
        logger.info("worker stopped", metadata: ["workerId": "\(configuration.workerID)"])
    }

    private func beginShutdown() {
        draining.store(true, ordering: .sequentiallyConsistent)
        for doorbell in doorbells.values { doorbell.ring() }
        let grace = configuration.shutdownGracePeriod
        Task { [running] in
            try? await Task.sleep(for: grace)
            running.stopAll(reason: .shutdown)
        }
    }

    private var isDraining: Bool { draining.load(ordering: .sequentiallyConsistent) }

    // MARK: Claiming

    private func claimLoop(queue: String, slots: Int) async {
        guard let doorbell = doorbells[queue] else { return }
        let busy = AtomicCounter()
        await withDiscardingTaskGroup { attempts in
            while !isDraining && !Task.isCancelled {
                let free = slots - busy.value
                if free > 0 {
                    let jobs: [Job]
                    do {
                        jobs = try await store.claim(
                            queues: [queue], limit: free, worker: configuration.workerID,
                            leaseDuration: configuration.leaseDuration)
                    } catch {
                        logger.error("claim failed", metadata: ["queue": "\(queue)", "error": "\(error)"])
                        jobs = []
                    }
                    for job in jobs {
                        busy.increment()
                        attempts.addTask {
                            await self.execute(job)
                            busy.decrement()
                            doorbell.ring()
                        }
                    }
                    if !jobs.isEmpty && jobs.count == free { continue }
                }
                await doorbell.wait(timeout: configuration.pollInterval)
            }
        }
    }

    private func wakeOnReadyJobs() async {
        for await queue in store.readyJobSignals() {
            doorbells[queue]?.ring()
        }
    }

    // MARK: Leases

    private func heartbeatLoop() async {
        while !Task.isCancelled {
            try? await Task.sleep(for: configuration.heartbeatInterval)
            let leases = running.leases
            guard !leases.isEmpty else { continue }
            do {
                let statuses = try await store.heartbeat(leases, leaseDuration: configuration.leaseDuration)
                for lease in leases {
                    guard let status = statuses[lease] else {
                        running.stop(lease, reason: .leaseLost)
                        continue
                    }
                    if status.cancelRequested { running.stop(lease, reason: .cancelRequested) }
                }
            } catch {
                logger.error("heartbeat failed", metadata: ["error": "\(error)"])
            }
        }
    }

    private func rescueLoop() async {
        while !Task.isCancelled {
            do {
                let rescued = try await store.rescueExpiredLeases(now: Date())
                for job in rescued {
                    logger.warning(
                        "rescued a job whose lease expired",
                        metadata: jobMetadata(job).merging(["state": "\(job.state.rawValue)"]) { $1 })
                    doorbells[job.queue]?.ring()
                }
            } catch {
                logger.error("lease rescue failed", metadata: ["error": "\(error)"])
            }
            try? await Task.sleep(for: configuration.leaseDuration / 2)
        }
    }

    // MARK: Running one attempt

    private func execute(_ job: Job) async {
        var logger = self.logger
        for (key, value) in jobMetadata(job) { logger[metadataKey: key] = value }
        guard let entry = catalog.entry(named: job.task) else {
            let error = TaskError.permanent(.unknownTask, "this worker has no handler for task '\(job.task)'")
            await record(.failed(error.jobError, progress: job.progress), for: job, handlerVersion: nil, logger: logger)
            return
        }
        logger.info("attempt started")
        let reporter = ProgressReporter(
            lease: job.lease, store: store, initialStage: job.stage, interval: configuration.progressInterval)
        let context = JobContext(job: job, logger: logger, reporter: reporter)
        let timeout = configuration.maxRuntime.map { min($0, entry.definition.timeout) } ?? entry.definition.timeout
        let attempt = Task {
            do {
                return Result<JSONValue, any Error>.success(
                    try await withTimeout(timeout) { try await entry.run(job.input, version: job.version, context) })
            } catch {
                return .failure(error)
            }
        }
        running.insert(job.lease, attempt)
        let result = await withTaskCancellationHandler {
            await attempt.value
        } onCancel: {
            attempt.cancel()
        }
        let stopReason = running.remove(job.lease)
        let progress = await reporter.close()
        if stopReason == .leaseLost {
            logger.warning("attempt abandoned: its lease was taken over; its result is discarded")
            return
        }
        let outcome = self.outcome(of: result, job: job, timeout: timeout, stopReason: stopReason, progress: progress)
        await record(outcome, for: job, handlerVersion: entry.definition.version, logger: logger)
    }

    private func outcome(
        of result: Result<JSONValue, any Error>, job: Job, timeout: Duration, stopReason: StopReason?, progress: Double
    ) -> AttemptOutcome {
        let error: TaskError
        switch (result, stopReason) {
        case (.success(let output), _):
            return .succeeded(output: output)
        case (.failure, .cancelRequested):
            return .cancelled(progress: progress)
        case (.failure, .shutdown):
            return .released
        case (.failure(let failure as TaskError), _):
            error = failure
        case (.failure(is AttemptTimedOut), _):
            error = .transient(
                .taskRuntimeExceeded, "the attempt ran longer than its timeout of \(timeout.compactDescription)")
        case (.failure(let failure), _):
            error = .transient(.taskFailed, String(describing: failure))
        }
        guard error.isTransient, job.attempt < job.maxAttempts, let entry = catalog.entry(named: job.task) else {
            return .failed(error.jobError, progress: progress)
        }
        let ceiling = entry.definition.retry.delayCeiling(afterAttempt: job.attempt)
        let delay = Double.random(in: 0...max(ceiling.seconds, 0))
        return .retry(error.jobError, retryAt: Date().addingTimeInterval(delay), progress: progress)
    }

    private func record(_ outcome: AttemptOutcome, for job: Job, handlerVersion: Int?, logger: Logger) async {
        do {
            let written = try await store.finish(job.lease, outcome, handlerVersion: handlerVersion)
            guard written else {
                logger.warning("attempt result discarded: the job no longer carries this attempt's lease")
                return
            }
            switch outcome {
            case .succeeded:
                logger.info("attempt succeeded")
            case .failed(let error, _):
                logger.warning("job failed", metadata: ["code": "\(error.code)", "error": "\(error.message)"])
            case .retry(let error, let retryAt, _):
                logger.warning(
                    "attempt failed; retrying",
                    metadata: ["code": "\(error.code)", "error": "\(error.message)", "retryAt": "\(retryAt)"])
            case .cancelled:
                logger.info("job cancelled")
            case .crashed(let error, let retryAt, _):
                logger.error(
                    "the worker process died running the attempt",
                    metadata: ["code": "\(error.code)", "retryAt": "\(retryAt.map { "\($0)" } ?? "never: quarantined")"])
            case .released:
                logger.info("job given back at shutdown")
            }
        } catch {
            // The lease will expire and the rescue loop will retry the job.
            logger.error("recording the attempt failed", metadata: ["error": "\(error)"])
        }
    }

    private func jobMetadata(_ job: Job) -> Logger.Metadata {
        [
            "jobId": "\(job.id.uuidString.lowercased())",
            "taskName": "\(job.task)",
            "taskVersion": "\(job.version)",
            "attempt": "\(job.attempt)",
        ]
    }
}
