import Foundation
import Logging
import ServiceLifecycle
import Synchronization

/// Claims jobs from a ``JobStore`` and runs them through a ``TaskCatalog``.
///
/// One claim loop per queue keeps that queue's slots full and starts an ``Attempt`` for each job it
/// claims (its handler runs through an ``AttemptRunner``). It claims ahead of its free slots when
/// recent handlers were short (``ClaimAhead``, ``ClaimedJobs``), and a slot frees as soon as its
/// handler returns: results are written in batches (``CompletionWriter``) while the slot runs its
/// next job. A heartbeat loop renews leases (of jobs running and claimed ahead) and stops attempts
/// whose job was cancelled or whose lease was lost (cancel signals from the store stop them
/// sooner); a maintenance loop keeps the worker registered in the store, retries jobs whose worker
/// vanished and prunes finished jobs past their retention. On graceful shutdown it stops claiming,
/// gives back the jobs claimed ahead, lets running attempts finish within
/// ``WorkerConfiguration/shutdownGracePeriod``, then gives the rest back.
public final class Worker: Service {
    private let store: any JobStore
    private let catalog: TaskCatalog
    private let configuration: WorkerConfiguration
    private let attemptEnvironment: Attempt.Environment
    private let logger: Logger
    private let running: RunningAttempts
    private let doorbells: [String: Doorbell]
    private let claimedJobs: [String: ClaimedJobs]
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
        self.logger = logger
        self.running = RunningAttempts()
        self.attemptEnvironment = Attempt.Environment(
            store: store, catalog: catalog, configuration: configuration, runner: runner, artifacts: artifacts,
            inputFiles: inputFiles, metrics: metrics, running: running,
            completions: CompletionWriter(store: store, deadline: configuration.leaseDuration))
        self.doorbells = configuration.queues.mapValues { _ in Doorbell() }
        self.claimedJobs = configuration.queues.mapValues { _ in ClaimedJobs() }
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

    /// The most jobs one claim asks for, and the most results of a queue that may wait to be
    /// written before it claims again: a completion batch (``CompletionWriter``).
    static let claimLimit = CompletionWriter.defaultMaxBatch

    private func claimLoop(queue: String, slots: Int) async {
        guard let doorbell = doorbells[queue], let claimed = claimedJobs[queue] else { return }
        // Attempts whose handler has not returned: each holds one of the slots.
        let busy = AtomicCounter()
        // Attempts whose outcome is not written yet. A slot frees when its handler returns and the
        // outcome goes with the next batch of completions; claims pause while a whole batch waits.
        let unrecorded = AtomicCounter()
        let ahead = ClaimAhead(horizon: configuration.prefetchHorizon, limit: max(Self.claimLimit - slots, 0))
        // Every attempt that starts takes a token, whichever stage it runs.
        let rateLimits = RateLimitRule.rules(
            for: catalog.entries.map(\.definition).filter { $0.queues.contains(queue) })
        await withDiscardingTaskGroup { attempts in
            func end(_ job: Job, unstartedBecause reason: StopReason) {
                attempts.addTask {
                    await Attempt(of: job, in: self.attemptEnvironment, logger: self.logger)
                        .end(unstartedBecause: reason)
                }
            }
            func startClaimedJobs() {
                for (job, reason) in claimed.takeStopped() { end(job, unstartedBecause: reason) }
                // Once draining, a slot that frees (a claim in flight when the shutdown began returns
                // after it) starts nothing: the jobs claimed ahead go back to the queue below.
                while !isDraining, busy.value < slots, let job = claimed.next() {
                    busy.increment()
                    unrecorded.increment()
                    attempts.addTask {
                        var attempt = Attempt(of: job, in: self.attemptEnvironment, logger: self.logger)
                        let started = ContinuousClock.now
                        let verdict = await attempt.perform()
                        ahead.handlerRan(for: .now - started)
                        busy.decrement()
                        doorbell.ring()
                        if let verdict { await attempt.record(verdict) }
                        if unrecorded.decrement() == Self.claimLimit - 1 { doorbell.ring() }
                    }
                }
            }
            while !isDraining && !Task.isCancelled {
                startClaimedJobs()
                let aheadJobs = ahead.jobs(slots: slots)
                let wanted = min(slots + aheadJobs - busy.value - claimed.count, Self.claimLimit)
                var wait = configuration.pollInterval
                // Claim when a slot is free and nothing waits to start in it, or when the jobs
                // claimed ahead are down to half.
                if wanted > 0 && claimed.count <= aheadJobs / 2 && unrecorded.value < Self.claimLimit {
                    let jobs: [Job]
                    do {
                        let request = ClaimRequest(
                            queues: [queue], limit: wanted, worker: configuration.workerID,
                            leaseDuration: configuration.leaseDuration, rateLimits: rateLimits)
                        let result = try await withDeadline(configuration.leaseDuration, "claiming jobs") { [store] in
                            try await store.claim(request)
                        }
                        jobs = result.jobs
                        // A rate limit ran dry: look again when its bucket holds a token.
                        if let nextToken = result.nextTokenIn { wait = min(wait, max(nextToken, .milliseconds(5))) }
                    } catch {
                        logger.error("claim failed", metadata: ["queue": "\(queue)", "error": "\(error)"])
                        jobs = []
                    }
                    claimed.append(jobs)
                    // A full claim: more are likely waiting in the store.
                    if !jobs.isEmpty && jobs.count == wanted { continue }
                    startClaimedJobs()
                }
                await doorbell.wait(timeout: wait)
            }
            // Jobs claimed but not started go back to the queue (a cancelled one ends cancelled).
            for (job, reason) in claimed.takeStopped() { end(job, unstartedBecause: reason) }
            for job in claimed.removeAll() { end(job, unstartedBecause: .shutdown) }
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
            let leases = heldLeases
            guard !leases.isEmpty else { continue }
            do {
                let leaseDuration = configuration.leaseDuration
                let statuses = try await withDeadline(leaseDuration, "renewing leases") { [store] in
                    try await store.heartbeat(leases, leaseDuration: leaseDuration)
                }
                for lease in leases {
                    guard let status = statuses[lease] else {
                        stop(lease, reason: .leaseLost)
                        continue
                    }
                    if status.cancelRequested { stop(lease, reason: .cancelRequested) }
                }
            } catch {
                logger.error("heartbeat failed", metadata: ["error": "\(error)"])
            }
        }
    }

    private func stopOnCancelSignals() async {
        for await jobID in store.cancelSignals() {
            for lease in heldLeases where lease.jobID == jobID {
                stop(lease, reason: .cancelRequested)
            }
        }
    }

    /// The leases of the jobs running and of those claimed ahead.
    private var heldLeases: [Lease] {
        running.leases + claimedJobs.values.flatMap { $0.leases }
    }

    /// Stops the attempt holding `lease`, or takes its job out of those claimed ahead (its claim
    /// loop, woken, ends it).
    private func stop(_ lease: Lease, reason: StopReason) {
        for (queue, claimed) in claimedJobs where claimed.stop(lease, reason: reason) {
            doorbells[queue]?.ring()
            return
        }
        running.stop(lease, reason: reason)
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
                    metadata: job.logMetadata.merging(["state": "\(job.state.rawValue)"]) { $1 })
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
}
