import Foundation
import Synchronization
import TaskRuntime

/// A ``JobStore`` that forwards every call to `base` and counts the attempt results written: how the
/// burn-down knows, without querying the database, that the last job has been recorded.
final class CountingStore: JobStore {
    private let base: any JobStore
    private let finished = Atomic<Int>(0)

    init(_ base: any JobStore) {
        self.base = base
    }

    /// Attempt results the store accepted so far.
    var written: Int { finished.load(ordering: .relaxed) }

    func enqueue(_ jobs: [NewJob]) async throws -> [Job] { try await base.enqueue(jobs) }

    func enqueueDeduplicated(_ job: NewJob, key: String, reuseResultFor: Duration) async throws -> DedupOutcome {
        try await base.enqueueDeduplicated(job, key: key, reuseResultFor: reuseResultFor)
    }

    func enqueueScheduled(_ job: NewJob, scheduleID: String, tick: Date) async throws -> Job? {
        try await base.enqueueScheduled(job, scheduleID: scheduleID, tick: tick)
    }

    func latestScheduledTick(scheduleID: String) async throws -> Date? {
        try await base.latestScheduledTick(scheduleID: scheduleID)
    }

    func recentScheduledTicks(scheduleID: String, limit: Int) async throws -> [ScheduledTick] {
        try await base.recentScheduledTicks(scheduleID: scheduleID, limit: limit)
    }

    func pruneScheduledTicks(before: Date) async throws -> Int { try await base.pruneScheduledTicks(before: before) }

    func job(id: UUID) async throws -> Job? { try await base.job(id: id) }

    func jobs(matching query: JobQuery) async throws -> JobPage { try await base.jobs(matching: query) }
    func countJobs(matching query: JobQuery, upTo limit: Int) async throws -> Int {
        try await base.countJobs(matching: query, upTo: limit)
    }

    func events(forJob id: UUID) async throws -> [JobEvent] { try await base.events(forJob: id) }
    func recordAction(_ action: JobAction) async throws { try await base.recordAction(action) }
    func actions(forJob id: UUID) async throws -> [JobAction] { try await base.actions(forJob: id) }

    func dedupHistory(key: String) async throws -> DedupHistory { try await base.dedupHistory(key: key) }

    func spendRateTokens(_ cost: Int, of rule: RateLimitRule) async throws -> RateSpend {
        try await base.spendRateTokens(cost, of: rule)
    }

    func createToken(_ token: APIToken) async throws -> Bool { try await base.createToken(token) }

    func token(id: String) async throws -> APIToken? { try await base.token(id: id) }

    func tokens() async throws -> [APIToken] { try await base.tokens() }

    func revokeToken(_ nameOrID: String, at now: Date) async throws -> APIToken? {
        try await base.revokeToken(nameOrID, at: now)
    }

    func claimIdempotencyKey(_ claim: IdempotencyClaim, abandonedAfter: Duration) async throws -> IdempotencyRecord? {
        try await base.claimIdempotencyKey(claim, abandonedAfter: abandonedAfter)
    }

    func recordIdempotentResponse(principal: String, key: String, response: StoredResponse) async throws {
        try await base.recordIdempotentResponse(principal: principal, key: key, response: response)
    }

    func releaseIdempotencyKey(principal: String, key: String, jobID: UUID) async throws {
        try await base.releaseIdempotencyKey(principal: principal, key: key, jobID: jobID)
    }

    func claim(_ request: ClaimRequest) async throws -> ClaimResult { try await base.claim(request) }

    func heartbeat(_ leases: [Lease], leaseDuration: Duration) async throws -> [Lease: LeaseStatus] {
        try await base.heartbeat(leases, leaseDuration: leaseDuration)
    }

    func reportProgress(_ lease: Lease, progress: Double, stage: String?) async throws -> Bool {
        try await base.reportProgress(lease, progress: progress, stage: stage)
    }

    func finish(_ completions: [Completion]) async throws -> [Bool] {
        let written = try await base.finish(completions)
        finished.add(written.count { $0 }, ordering: .relaxed)
        return written
    }

    func requestCancel(id: UUID) async throws -> CancelResult { try await base.requestCancel(id: id) }

    func retry(id: UUID, additionalAttempts: Int) async throws -> RetryResult {
        try await base.retry(id: id, additionalAttempts: additionalAttempts)
    }

    func rescueExpiredLeases(now: Date) async throws -> [Job] { try await base.rescueExpiredLeases(now: now) }

    func pruneFinishedJobs(finishedBefore: Date, limit: Int) async throws -> Int {
        try await base.pruneFinishedJobs(finishedBefore: finishedBefore, limit: limit)
    }

    func pruneExpired(now: Date) async throws { try await base.pruneExpired(now: now) }

    func unfinishedJobCounts() async throws -> [String: Int] { try await base.unfinishedJobCounts() }

    func declareSearchFields(_ fieldsByTask: [String: [String]]) async throws {
        try await base.declareSearchFields(fieldsByTask)
    }

    func registerWorker(id: String, queues: [String: Int], expiresAt: Date) async throws {
        try await base.registerWorker(id: id, queues: queues, expiresAt: expiresAt)
    }

    func unregisterWorker(id: String) async throws { try await base.unregisterWorker(id: id) }
    func liveWorkers(now: Date) async throws -> [WorkerRecord] { try await base.liveWorkers(now: now) }
    func finishedCounts(since: Date) async throws -> [FinishedCount] { try await base.finishedCounts(since: since) }

    func queueStatus(now: Date) async throws -> [QueueStatus] { try await base.queueStatus(now: now) }

    func pauseQueue(_ queue: String, by actor: String?, at date: Date) async throws -> PausedQueue {
        try await base.pauseQueue(queue, by: actor, at: date)
    }

    func resumeQueue(_ queue: String, by actor: String?, at date: Date) async throws -> Bool {
        try await base.resumeQueue(queue, by: actor, at: date)
    }

    func queueActions(_ queue: String, from start: Date, through end: Date) async throws -> [QueueAction] {
        try await base.queueActions(queue, from: start, through: end)
    }

    func pausedQueues() async throws -> [PausedQueue] { try await base.pausedQueues() }

    func recordArtifact(_ artifact: Artifact) async throws { try await base.recordArtifact(artifact) }

    func artifact(id: UUID) async throws -> Artifact? { try await base.artifact(id: id) }

    func artifacts(ofJob jobID: UUID) async throws -> [Artifact] { try await base.artifacts(ofJob: jobID) }

    func files(ofJob id: UUID) async throws -> [JobFile] { try await base.files(ofJob: id) }

    func recordDataset(_ dataset: Dataset) async throws { try await base.recordDataset(dataset) }

    func dataset(id: UUID) async throws -> Dataset? { try await base.dataset(id: id) }

    func datasets(matching query: DatasetQuery) async throws -> DatasetPage { try await base.datasets(matching: query) }

    func datasets(readBy jobID: UUID) async throws -> [JobDataset] { try await base.datasets(readBy: jobID) }

    func deleteDataset(id: UUID) async throws -> DatasetDeletion { try await base.deleteDataset(id: id) }

    func attachUpload(_ uploadID: String, toFile name: String, ofJob jobID: UUID) async throws -> Bool {
        try await base.attachUpload(uploadID, toFile: name, ofJob: jobID)
    }

    func completeFile(_ completion: FileCompletion) async throws -> FileCompletionResult {
        try await base.completeFile(completion)
    }

    func startWaitingJob(id: UUID) async throws -> WaitingJobStart { try await base.startWaitingJob(id: id) }

    func expireWaitingJobs(createdBefore: Date) async throws -> [Job] {
        try await base.expireWaitingJobs(createdBefore: createdBefore)
    }

    func changeFeed() async throws -> AsyncStream<Void>? { try await base.changeFeed() }

    func readyJobSignals() -> AsyncStream<String> { base.readyJobSignals() }

    func cancelSignals() -> AsyncStream<UUID> { base.cancelSignals() }
}
