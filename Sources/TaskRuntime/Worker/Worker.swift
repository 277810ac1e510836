import Foundation
import Logging
import ServiceLifecycle
import Synchronization

/// Claims jobs from a ``JobStore`` and runs them through a ``TaskCatalog``.
///
/// One claim loop per queue keeps that queue's slots full and hands each job to an
/// ``AttemptRunner``; results are written in batches (``CompletionWriter``). A heartbeat loop renews
/// leases and stops attempts whose job was cancelled or whose lease was lost (cancel signals from the
/// store stop them sooner); a maintenance loop keeps the worker registered in the store, retries jobs
/// whose worker vanished and prunes finished jobs past their retention. On graceful shutdown it stops
/// claiming, lets running attempts finish within ``WorkerConfiguration/shutdownGracePeriod``, then
/// gives the rest back.
public final class Worker: Service {
    private let store: any JobStore
    private let catalog: TaskCatalog
    private let configuration: WorkerConfiguration
    private let runner: any AttemptRunner
    private let artifacts: (any ArtifactSink)?
    private let inputFiles: (any InputFileSource)?
    private let logger: Logger
    private let metrics: TaskMetrics
    private let running = RunningAttempts()
    private let completions: CompletionWriter
    private let doorbells: [String: Doorbell]
    private let draining = Atomic<Bool>(false)

    /// A worker running handlers with `runner` (in this process by default); handlers' artifacts go
    /// to `artifacts` (without one, `job.artifacts.write` fails with `artifact_storage_failed`), the
    /// input files of tasks that declare `files` come from `inputFiles`, and job metrics go to
    /// `metrics` (``TaskMetrics``).
    public init(
        store: any JobStore, catalog: TaskCatalog, configuration: WorkerConfiguration,
        runner: any AttemptRunner = InProcessRunner(), artifacts: (any ArtifactSink)? = nil,
        inputFiles: (any InputFileSource)? = nil, logger: Logger, metrics: TaskMetrics = TaskMetrics()
    ) {
        self.store = store
        self.catalog = catalog
        self.configuration = configuration
        self.runner = runner
        self.artifacts = artifacts
        self.inputFiles = inputFiles
        self.logger = logger
        self.metrics = metrics
        self.completions = CompletionWriter(store: store, deadline: configuration.leaseDuration)
        self.doorbells = configuration.queues.mapValues { _ in Doorbell() }
    }

    public func run() async throws {
        logger.info(
            "worker started",
            metadata: [
                "workerId": "\(configuration.workerID)",
                "queues":
                    "\(configuration.queues.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ","))",
            ])
        await withGracefulShutdownHandler {
            await withDiscardingTaskGroup { background in
                background.addTask { await self.heartbeatLoop() }
                background.addTask { await self.maintenanceLoop() }
                background.addTask { await self.wakeOnReadyJobs() }
                background.addTask { await self.stopOnCancelSignals() }
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
        do {
            try await store.unregisterWorker(id: configuration.workerID)
        } catch {
            logger.error("unregistering the worker failed", metadata: ["error": "\(error)"])
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
        // Every attempt that starts takes a token, whichever stage it runs.
        let rateLimits = RateLimitRule.rules(
            for: catalog.entries.map(\.definition).filter { $0.queues.contains(queue) })
        await withDiscardingTaskGroup { attempts in
            while !isDraining && !Task.isCancelled {
                let free = slots - busy.value
                var wait = configuration.pollInterval
                if free > 0 {
                    let jobs: [Job]
                    do {
                        let request = ClaimRequest(
                            queues: [queue], limit: free, worker: configuration.workerID,
                            leaseDuration: configuration.leaseDuration, rateLimits: rateLimits)
                        let claimed = try await withDeadline(configuration.leaseDuration, "claiming jobs") { [store] in
                            try await store.claim(request)
                        }
                        jobs = claimed.jobs
                        // A rate limit ran dry: look again when its bucket holds a token.
                        if let nextToken = claimed.nextTokenIn { wait = min(wait, max(nextToken, .milliseconds(5))) }
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
                await doorbell.wait(timeout: wait)
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
                let leaseDuration = configuration.leaseDuration
                let statuses = try await withDeadline(leaseDuration, "renewing leases") { [store] in
                    try await store.heartbeat(leases, leaseDuration: leaseDuration)
                }
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

    private func stopOnCancelSignals() async {
        for await jobID in store.cancelSignals() {
            for lease in running.leases where lease.jobID == jobID {
                running.stop(lease, reason: .cancelRequested)
            }
        }
    }

    // MARK: Maintenance

    private func maintenanceLoop() async {
        let clock = ContinuousClock()
        var lastPrune: ContinuousClock.Instant?
        while !Task.isCancelled {
            await registerPresence()
            await rescueExpiredLeases()
            await pruneExpiredRecords()
            if let retention = configuration.retention,
                lastPrune.map({ clock.now - $0 >= configuration.pruneInterval }) ?? true
            {
                lastPrune = clock.now
                await pruneFinishedJobs(olderThan: retention)
            }
            try? await Task.sleep(for: configuration.leaseDuration / 2)
        }
    }

    /// Lists this worker as serving its queues for three lease durations (`GET /v1/queues`); the
    /// maintenance loop renews it well before then.
    private func registerPresence() async {
        let expiresAt = Date().addingTimeInterval(3 * configuration.leaseDuration.seconds)
        do {
            try await store.registerWorker(
                id: configuration.workerID, queues: configuration.queues, expiresAt: expiresAt)
        } catch {
            logger.error("registering the worker failed", metadata: ["error": "\(error)"])
        }
    }

    /// Forgets idempotency keys past their 24 hours and workers that stopped without unregistering.
    private func pruneExpiredRecords() async {
        do {
            try await store.pruneExpired(now: Date())
        } catch {
            logger.error("pruning expired records failed", metadata: ["error": "\(error)"])
        }
    }

    private func rescueExpiredLeases() async {
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
    }

    /// Deletes finished jobs past their retention, a bounded batch at a time so that no statement
    /// holds the database for long.
    private func pruneFinishedJobs(olderThan retention: Duration) async {
        let cutoff = Date().addingTimeInterval(-retention.seconds)
        let batch = 1000
        do {
            var deleted = 0
            while !Task.isCancelled {
                let count = try await store.pruneFinishedJobs(finishedBefore: cutoff, limit: batch)
                deleted += count
                if count < batch { break }
            }
            if deleted > 0 {
                logger.info("pruned finished jobs", metadata: ["count": "\(deleted)", "finishedBefore": "\(cutoff)"])
            }
        } catch {
            logger.error("pruning finished jobs failed", metadata: ["error": "\(error)"])
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
        let definition = entry.definition
        let stage = definition.stages.indices.contains(job.stageIndex) ? definition.stages[job.stageIndex] : nil
        if let stage { logger[metadataKey: "stage"] = "\(stage.name)" }
        logger.info("attempt started")
        metrics.jobPickedUp(job)
        let started = ContinuousClock.now
        let files: InputFiles
        do {
            files = try await fetchInputFiles(of: job, definition: definition)
        } catch {
            let outcome = self.outcome(
                of: .failure(error), job: job, definition: definition, timeout: definition.timeout, stopReason: nil,
                progress: job.progress)
            await record(outcome, for: job, handlerVersion: nil, logger: logger)
            return
        }
        // A staged job reports its overall progress under the declared stage name.
        let stageIndex = job.stageIndex
        let reporter = ProgressReporter(
            lease: job.lease, store: store, initialStage: job.stage,
            initialProgress: definition.overallProgress(stage: stageIndex, percent: 0),
            interval: configuration.progressInterval)
        if let stage, job.stage != stage.name {
            await reporter.report(definition.overallProgress(stage: stageIndex, percent: 0), stage: stage.name)
        }
        let context = JobContext(
            jobID: job.id, taskName: job.task, taskVersion: job.version, attempt: job.attempt, stage: stage?.name,
            logger: logger, services: catalog.services, artifacts: artifacts, inputFiles: files,
            reportProgress: { percent, step in
                await reporter.report(
                    definition.overallProgress(stage: stageIndex, percent: percent),
                    stage: definition.stages.isEmpty ? step : nil)
            })
        // The smallest of the stage's (or task's) timeout, the deployment's cap and the job's own.
        let timeout = [configuration.maxRuntime, job.timeout].compactMap { $0 }.reduce(
            stage?.timeout ?? definition.timeout, min)
        let attempt = Task { [runner] in
            do {
                return Result<JSONValue, any Error>.success(
                    try await runner.run(job, entry: entry, timeout: timeout, context: context))
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
        await inputFiles?.release(files)
        metrics.attemptRan(job, for: ContinuousClock.now - started)
        let progress = await reporter.close()
        if stopReason == .leaseLost {
            logger.warning("attempt abandoned: its lease was taken over; its result is discarded")
            return
        }
        let outcome = self.outcome(
            of: result, job: job, definition: definition, timeout: timeout, stopReason: stopReason, progress: progress)
        await record(outcome, for: job, handlerVersion: entry.definition.version, logger: logger)
    }

    /// The job's uploaded files as local copies, for a task that declares files, and the artifacts
    /// of its completed stages, for a later stage; none otherwise. A worker without an artifact store
    /// fails a job that has files; its earlier stages could not have written artifacts either.
    private func fetchInputFiles(of job: Job, definition: TaskDefinition) async throws -> InputFiles {
        let uploads = !definition.files.isEmpty
        let datasets = definition.input.readsDatasets
        let completedStages = job.stageIndex > 0 ? job.stageResults : []
        guard let inputFiles else {
            guard !uploads && !datasets else {
                throw TaskError.permanent(
                    .filesMissing, "this worker has no artifact store to fetch the job's input files or datasets from")
            }
            return InputFiles()
        }
        guard uploads || datasets || !completedStages.isEmpty else { return InputFiles() }
        return try await inputFiles.fetch(
            jobID: job.id, uploads: uploads, datasets: datasets, completedStages: completedStages)
    }

    private func outcome(
        of result: Result<JSONValue, any Error>, job: Job, definition: TaskDefinition, timeout: Duration,
        stopReason: StopReason?, progress: Double
    ) -> AttemptOutcome {
        let error: TaskError
        switch (result, stopReason) {
        case (.success(let output), _):
            return .success(of: job, output: output, definition: definition)
        case (.failure, .cancelRequested):
            return .cancelled(progress: progress)
        case (.failure, .shutdown):
            return .released
        case (.failure(is AttemptTimedOut), _):
            error = .transient(
                .taskRuntimeExceeded, "the attempt ran longer than its timeout of \(timeout.compactDescription)")
        case (.failure(let crash as HandlerProcessCrashed), _):
            return crashOutcome(crash, job: job, progress: progress)
        case (.failure(let failure), _):
            error = TaskError(describing: failure)
        }
        guard error.isTransient, job.attempt < job.maxAttempts,
            let retryAt = retryTime(for: job, notBefore: error.retryAfter)
        else {
            return .failed(error.jobError, progress: progress)
        }
        return .retry(error.jobError, retryAt: retryAt, progress: progress)
    }

    /// A crash is retried like a transient failure, unless attempts are spent or the job has now
    /// crashed ``WorkerConfiguration/quarantineAfterCrashes`` processes: then it is quarantined.
    private func crashOutcome(_ crash: HandlerProcessCrashed, job: Job, progress: Double) -> AttemptOutcome {
        let spent = job.attempt >= job.maxAttempts || job.crashes + 1 >= configuration.quarantineAfterCrashes
        let error = JobError(
            code: .workerCrashed,
            message: "the handler process died running this attempt (\(crash.description))"
                + (spent
                    ? "; quarantined after \(job.crashes + 1) crash(es): retry it with `taskforge jobs retry`" : ""),
            retryable: !spent)
        return .crashed(error, retryAt: spent ? nil : retryTime(for: job), progress: progress)
    }

    /// Now plus a full-jitter backoff from the task's retry policy, or plus `notBefore` (the
    /// handler's ``TaskError/retryAfter``) when that is longer.
    private func retryTime(for job: Job, notBefore: Duration? = nil) -> Date? {
        guard let entry = catalog.entry(named: job.task) else { return nil }
        let ceiling = entry.definition.retry.delayCeiling(afterAttempt: job.attempt)
        let backoff = Double.random(in: 0...max(ceiling.seconds, 0))
        return Date().addingTimeInterval(max(backoff, notBefore?.seconds ?? 0))
    }

    private func record(_ outcome: AttemptOutcome, for job: Job, handlerVersion: Int?, logger: Logger) async {
        do {
            let written = try await completions.write(
                Completion(lease: job.lease, outcome: outcome, handlerVersion: handlerVersion))
            guard written else {
                logger.warning("attempt result discarded: the job no longer carries this attempt's lease")
                return
            }
            if let final = outcome.finalState { metrics.jobFinished(job, outcome: final) }
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
                    retryAt == nil ? "job quarantined" : "attempt crashed its process; retrying",
                    metadata: ["code": "\(error.code)", "error": "\(error.message)"])
            case .released:
                logger.info("job given back at shutdown")
            case .advanced(let next):
                logger.info(
                    "stage succeeded; the job moves to the next stage",
                    metadata: ["nextStage": "\(next.nextStageName)", "queue": "\(next.nextQueue)"])
            }
        } catch {
            // The lease will expire and the rescue loop will retry the job.
            logger.error("recording the attempt failed", metadata: ["error": "\(error)"])
        }
    }

    private func jobMetadata(_ job: Job) -> Logger.Metadata {
        JobContext.metadata(jobID: job.id, taskName: job.task, taskVersion: job.version, attempt: job.attempt)
    }
}
