import Foundation

/// Durable storage of jobs: the seam between the runtime and a database.
///
/// Every method is a single atomic step, safe to call from any number of processes sharing the
/// database. Writes made on behalf of an attempt take its ``Lease`` and do nothing (returning
/// `false`) when the job no longer carries that lease: the fencing that keeps a worker which lost
/// its lease from overwriting the attempt that replaced it. The same database keeps the API tokens
/// (``TokenStore``), the datasets (``DatasetStore``) and the queue pauses (``QueuePauseStore``).
public protocol JobStore: TokenStore, DatasetStore, QueuePauseStore {
    /// Inserts new jobs in one transaction, in order, and returns them as stored.
    func enqueue(_ jobs: [NewJob]) async throws -> [Job]

    /// Inserts `job` with the dedup key `key`, unless a pending or running job holds that key (that job
    /// is returned) or a job with the key succeeded at most `reuseResultFor` ago (the newest such job
    /// is returned). A unique index on the key of active jobs decides between concurrent submissions:
    /// exactly one of them inserts. Failed, cancelled and quarantined jobs never count.
    func enqueueDeduplicated(_ job: NewJob, key: String, reuseResultFor: Duration) async throws -> DedupOutcome

    /// Inserts `job` for tick `tick` of the schedule `scheduleID`, unless that tick was enqueued
    /// already, by this process or any other: in one transaction, records the tick (a unique
    /// `(schedule_id, tick)` key, so concurrent schedulers race on it) and, only when the tick was
    /// new, the job. Returns the job, or `nil` when the tick had been enqueued before.
    func enqueueScheduled(_ job: NewJob, scheduleID: String, tick: Date) async throws -> Job?

    /// The newest tick recorded for the schedule `scheduleID`, or `nil` when it has none.
    func latestScheduledTick(scheduleID: String) async throws -> Date?

    /// The newest `limit` enqueued ticks of the schedule and the jobs they made, newest first (ticks
    /// are pruned with ``pruneScheduledTicks(before:)``).
    func recentScheduledTicks(scheduleID: String, limit: Int) async throws -> [ScheduledTick]

    /// Deletes the tick records older than `before`, except the newest of each schedule (which
    /// ``latestScheduledTick(scheduleID:)`` needs). Returns how many it deleted.
    @discardableResult
    func pruneScheduledTicks(before: Date) async throws -> Int

    /// The job with `id`, or `nil`.
    func job(id: UUID) async throws -> Job?

    /// A page of jobs, newest first.
    func jobs(matching query: JobQuery) async throws -> JobPage

    /// How many jobs match `query`'s filters (its `limit` aside), counting at most `limit`: a count
    /// over millions of jobs stays bounded, and a caller that gets `limit` says "at least".
    func countJobs(matching query: JobQuery, upTo limit: Int) async throws -> Int

    /// The job's event log, oldest first.
    func events(forJob id: UUID) async throws -> [JobEvent]

    /// Records an operator's action on a job (kept until the job is pruned, then deleted with it).
    func recordAction(_ action: JobAction) async throws

    /// The operators' actions on the job, oldest first.
    func actions(forJob id: UUID) async throws -> [JobAction]

    /// The newest job with dedup key `key`, and the newest that succeeded (finished jobs are kept for
    /// the retention period only).
    func dedupHistory(key: String) async throws -> DedupHistory

    /// Claims `claim.key` for `claim.principal` and returns `nil`, or returns the live record of the
    /// request that holds it. A key whose record expired is claimed afresh; so is one whose request
    /// died before its job was inserted: no response recorded, no job with its id, and claimed more
    /// than `abandonedAfter` ago. Exactly one of concurrent claims of a key succeeds.
    func claimIdempotencyKey(_ claim: IdempotencyClaim, abandonedAfter: Duration) async throws -> IdempotencyRecord?

    /// Records the response of the request that claimed `key`, for its repetitions to replay.
    func recordIdempotentResponse(principal: String, key: String, response: StoredResponse) async throws

    /// Gives up a claimed key whose request failed before anything was stored, so that it can be sent again.
    func releaseIdempotencyKey(principal: String, key: String, jobID: UUID) async throws

    /// Atomically moves up to `request.limit` ready jobs of `request.queues` to `running` under a
    /// fresh lease held by `request.worker` until `now + leaseDuration`, highest priority first, then
    /// by `run_at`, then FIFO. A job of a rate-limited task starts only with a token from its rule's
    /// bucket, taken in the same transaction (buckets live in the store, shared by every worker);
    /// jobs left without one stay pending and do not hold back other jobs of the queue.
    func claim(_ request: ClaimRequest) async throws -> ClaimResult

    /// Takes `cost` tokens from the bucket of `rule.key` (created full on first use, refilled at
    /// `rule.perSecond` up to `rule.burst`) if it holds that many, atomically across processes; else
    /// takes none. Per-principal submit limits use it.
    func spendRateTokens(_ cost: Int, of rule: RateLimitRule) async throws -> RateSpend

    /// Renews the leases still held and reports, per lease, whether it is held and whether a cancel
    /// was requested. Leases that are no longer held are absent from the result.
    func heartbeat(_ leases: [Lease], leaseDuration: Duration) async throws -> [Lease: LeaseStatus]

    /// Records progress (0...100) and optionally the stage of a running attempt.
    @discardableResult
    func reportProgress(_ lease: Lease, progress: Double, stage: String?) async throws -> Bool

    /// Ends attempts, all in one transaction, and returns per completion whether it was written:
    /// `false` when the job no longer carried the completion's lease (nothing written for it).
    /// Rows are locked in a fixed order, so concurrent batches never deadlock.
    func finish(_ completions: [Completion]) async throws -> [Bool]

    /// Cancels a pending job at once, or asks the worker running it to stop.
    func requestCancel(id: UUID) async throws -> CancelResult

    /// Sends a `failed`, `cancelled` or `quarantined` job back to `pending`, to run at once with
    /// `additionalAttempts` more attempts allowed and its crash count cleared; its history is kept.
    func retry(id: UUID, additionalAttempts: Int) async throws -> RetryResult

    /// Retries, or fails with `worker_lost` when attempts are spent, every running job whose lease
    /// expired before `now`. Returns the jobs it touched.
    @discardableResult
    func rescueExpiredLeases(now: Date) async throws -> [Job]

    /// Deletes up to `limit` jobs (with their events) that succeeded, failed or were cancelled
    /// before `finishedBefore`; quarantined jobs are kept for an operator. Returns how many it deleted.
    @discardableResult
    func pruneFinishedJobs(finishedBefore: Date, limit: Int) async throws -> Int

    /// Deletes idempotency keys that expired and worker registrations that lapsed before `now`.
    func pruneExpired(now: Date) async throws

    /// Makes the store index, for each job of a task in `fieldsByTask` inserted from now on, those
    /// top-level input fields (the tasks' `search:` lists), replacing what was declared for those
    /// tasks before; other tasks keep theirs. Called by every process that opens the store to serve
    /// a catalog, so the last to start decides.
    func declareSearchFields(_ fieldsByTask: [String: [String]]) async throws

    /// The number of unfinished (`pending` or `running`) jobs of each task that has any.
    func unfinishedJobCounts() async throws -> [String: Int]

    /// Records that worker process `id` serves `queues` (name: slots) until `expiresAt`; a worker
    /// calls it again before then to stay listed.
    func registerWorker(id: String, queues: [String: Int], expiresAt: Date) async throws

    /// Removes worker process `id` from the list at once (at shutdown).
    func unregisterWorker(id: String) async throws

    /// The jobs that finished at or after `since`, counted per queue, minute and final state. Served by
    /// the finish-time index (quarantined jobs, which it leaves out, by the state index).
    func finishedCounts(since: Date) async throws -> [FinishedCount]

    /// The workers registered and not expired at `now`, by id, each with the running jobs it holds.
    func liveWorkers(now: Date) async throws -> [WorkerRecord]

    /// Every queue that has pending or running jobs, a worker registered past `now` or a pause, with
    /// its counts at `now` and its pause, sorted by name.
    func queueStatus(now: Date) async throws -> [QueueStatus]

    /// Records an artifact's metadata and lineage; its bytes are already in the artifact store.
    /// Artifacts outlive their job: pruning finished jobs keeps them.
    func recordArtifact(_ artifact: Artifact) async throws

    /// The artifact with `id`, or `nil`.
    func artifact(id: UUID) async throws -> Artifact?

    /// The artifacts written by job `jobID`, oldest first.
    func artifacts(ofJob jobID: UUID) async throws -> [Artifact]

    /// The declared files of job `id`, in declaration order, with how far each got; empty for a job
    /// of a task without files.
    func files(ofJob id: UUID) async throws -> [JobFile]

    /// Records that tus upload `uploadID` carries file `name` of waiting job `jobID`. Returns `false`
    /// (nothing changed) when the job is not waiting or the file is not declared or complete already.
    func attachUpload(_ uploadID: String, toFile name: String, ofJob jobID: UUID) async throws -> Bool

    /// In one transaction: records that the file's bytes are stored (its artifact, size and SHA-256)
    /// and, when no required file is missing any more, moves the job to `pending`, ready at once.
    /// Concurrent completions of one job's files never leave it waiting with every file complete.
    func completeFile(_ completion: FileCompletion) async throws -> FileCompletionResult

    /// Moves a waiting job whose required files are all complete to `pending`; otherwise lists the
    /// missing ones.
    func startWaitingJob(id: UUID) async throws -> WaitingJobStart

    /// Fails (`files_missing`) every job still `waiting` that was created before `createdBefore`, and
    /// returns them.
    @discardableResult
    func expireWaitingJobs(createdBefore: Date) async throws -> [Job]

    /// Yields whenever jobs, workers or queue pauses may have changed, in any process, for a live
    /// view to render again; `nil` when the store cannot tell, and the view polls.
    func changeFeed() async throws -> AsyncStream<Void>?

    /// Yields the queue name whenever jobs may have become ready on it (best effort: workers
    /// also poll). The stream ends when the consumer stops iterating.
    func readyJobSignals() -> AsyncStream<String>

    /// Yields the id of a running job whenever a cancel is requested for it, from any process
    /// sharing the store where the database can tell (best effort: heartbeats also report it).
    func cancelSignals() -> AsyncStream<UUID>
}

extension JobStore {
    /// Claims without rate limits; see ``claim(_:)``.
    public func claim(queues: [String], limit: Int, worker: String, leaseDuration: Duration) async throws -> [Job] {
        try await claim(ClaimRequest(queues: queues, limit: limit, worker: worker, leaseDuration: leaseDuration)).jobs
    }

    /// Ends one attempt; see ``finish(_:)``.
    @discardableResult
    public func finish(_ lease: Lease, _ outcome: AttemptOutcome, handlerVersion: Int?) async throws -> Bool {
        try await finish([Completion(lease: lease, outcome: outcome, handlerVersion: handlerVersion)]).first ?? false
    }
}

/// The end of one attempt, recording which version of the task's handler ran it (a job submitted
/// under an older accepted version runs, upgraded, under the current one).
public struct Completion: Sendable, Hashable {
    public var lease: Lease
    public var outcome: AttemptOutcome
    public var handlerVersion: Int?

    public init(lease: Lease, outcome: AttemptOutcome, handlerVersion: Int?) {
        self.lease = lease
        self.outcome = outcome
        self.handlerVersion = handlerVersion
    }
}

/// A job to insert.
public struct NewJob: Sendable, Hashable {
    public var id: UUID
    public var task: String
    public var version: Int
    public var queue: String
    public var priority: Int
    public var input: JSONValue
    public var maxAttempts: Int
    public var runAt: Date
    /// The id of the API token that submits it (``Principal/tokenID``); `nil` without authentication.
    public var owner: String?
    /// The task's declared files: when there are any, the job is created `waiting` for them. A file
    /// whose `required` is set is awaited: the job starts only once it is complete
    /// (``announcing(optionalFiles:)`` sets it for the optional files a client said it will send).
    public var files: [FileInput]
    /// A limit for each of the job's attempts below its task's (or stage's) timeout, asked for by its
    /// submitter; `nil` for the task's. It only ever lowers the limit: the worker takes the smallest
    /// of it, the task's or stage's timeout and the deployment's cap.
    public var timeout: Duration?
    /// The datasets its input names (properties of `format: dataset`), each recorded with the job as
    /// its input lineage; while it is unfinished they cannot be deleted. Inserting it fails with
    /// ``DatasetNotFound`` when one does not exist.
    public var datasets: [UUID]

    public init(
        id: UUID = .random(), task: String, version: Int, queue: String, priority: Int = 0, input: JSONValue,
        maxAttempts: Int, runAt: Date = Date(), owner: String? = nil, files: [FileInput] = [], timeout: Duration? = nil,
        datasets: [UUID] = []
    ) {
        self.id = id
        self.task = task
        self.version = version
        self.queue = queue
        self.priority = priority
        self.input = input
        self.maxAttempts = maxAttempts
        self.runAt = runAt
        self.owner = owner
        self.files = files
        self.timeout = timeout
        self.datasets = datasets
    }

    /// The state it is inserted in: `waiting` for its files, or `pending`.
    public var initialState: JobState { files.isEmpty ? .pending : .waiting }

    /// The job with the declared optional files named in `names` awaited like required ones: it starts
    /// when they are complete too, so an optional file a client announced at submit never arrives
    /// after the job started without it. Names of required files change nothing.
    /// - Throws: ``UnknownFileAnnouncement`` for a name the task does not declare.
    public func announcing(optionalFiles names: some Sequence<String>) throws(UnknownFileAnnouncement) -> NewJob {
        var job = self
        for name in names {
            guard let index = job.files.firstIndex(where: { $0.name == name }) else {
                throw UnknownFileAnnouncement(name: name, declared: files.map(\.name))
            }
            job.files[index].required = true
        }
        return job
    }
}

/// A file announced at submit that the task does not declare.
public struct UnknownFileAnnouncement: Error, Sendable, Hashable {
    public var name: String
    /// The files the task declares, in their declared order.
    public var declared: [String]
}

/// Filters and paging for ``JobStore/jobs(matching:)``.
public struct JobQuery: Sendable, Hashable {
    public var task: String?
    public var state: JobState?
    public var queue: String?
    /// Only jobs whose id starts with these hex digits (served by the primary key, as a range).
    public var idPrefix: JobIDPrefix?
    /// At most this many jobs (1...1000).
    public var limit: Int
    /// Only jobs older than this ``Job/sequence`` (the cursor of the previous page).
    public var before: Int64?
    /// Only jobs submitted with this API token (``Job/owner``).
    public var owner: String?
    /// Only jobs whose searchable input field matches (served by the index of `search:` fields).
    public var input: JobInputFilter?
    /// Only jobs created at or after this time.
    public var createdFrom: Date?
    /// Only jobs created before this time.
    public var createdBefore: Date?

    public init(
        task: String? = nil, state: JobState? = nil, queue: String? = nil, idPrefix: JobIDPrefix? = nil,
        limit: Int = 50,
        before: Int64? = nil, owner: String? = nil, input: JobInputFilter? = nil, createdFrom: Date? = nil,
        createdBefore: Date? = nil
    ) {
        self.task = task
        self.state = state
        self.queue = queue
        self.idPrefix = idPrefix
        self.limit = limit
        self.before = before
        self.owner = owner
        self.input = input
        self.createdFrom = createdFrom
        self.createdBefore = createdBefore
    }
}

/// The start of a job id (`6f1c`, `6f1c9a2e-01`): the ids it covers form one range of the primary key,
/// from ``lowerBound`` to ``upperBound`` (both in the lower-case text form), so no store scans for it.
public struct JobIDPrefix: Sendable, Hashable {
    /// The prefix's hex digits, lower case, without dashes (1...32 of them).
    public let digits: String

    /// `nil` unless `text` is 1 to 32 hex digits, dashes allowed where a UUID has them.
    public init?(_ text: String) {
        let digits = text.lowercased().filter { $0 != "-" }
        guard (1...32).contains(digits.count), digits.allSatisfy(\.isHexDigit) else { return nil }
        let canonical = Self.formatted(digits.padding(toLength: 32, withPad: "0", startingAt: 0))
        guard canonical.hasPrefix(text.lowercased()) else { return nil }
        self.digits = digits
    }

    public var lowerBound: String { Self.formatted(digits.padding(toLength: 32, withPad: "0", startingAt: 0)) }
    public var upperBound: String { Self.formatted(digits.padding(toLength: 32, withPad: "f", startingAt: 0)) }

    /// 32 hex digits in the 8-4-4-4-12 form.
    private static func formatted(_ hex: String) -> String {
        var text = ""
        for (index, digit) in hex.enumerated() {
            if [8, 12, 16, 20].contains(index) { text += "-" }
            text.append(digit)
        }
        return text
    }
}

/// A page of jobs; `nextBefore` is set when older jobs remain.
public struct JobPage: Sendable, Hashable {
    public var jobs: [Job]
    public var nextBefore: Int64?

    public init(jobs: [Job], nextBefore: Int64?) {
        self.jobs = jobs
        self.nextBefore = nextBefore
    }
}

/// What a heartbeat learned about a lease that is still held.
public struct LeaseStatus: Sendable, Hashable {
    public var cancelRequested: Bool

    public init(cancelRequested: Bool) {
        self.cancelRequested = cancelRequested
    }
}

/// How an attempt ended.
public enum AttemptOutcome: Sendable, Hashable {
    case succeeded(output: JSONValue)
    /// Failed for good; `progress` is the last value the handler reported.
    case failed(JobError, progress: Double)
    /// Failed, and will be tried again at `retryAt`.
    case retry(JobError, retryAt: Date, progress: Double)
    /// Stopped on request.
    case cancelled(progress: Double)
    /// The worker process died running it: retried at `retryAt`, or `quarantined` when `retryAt`
    /// is `nil`. Adds one to the job's ``Job/crashes``.
    case crashed(JobError, retryAt: Date?, progress: Double)
    /// Not failed: given back unstarted-equivalent (graceful shutdown); the attempt is not counted.
    case released
    /// A stage of a multi-stage job, not its last, succeeded: the job goes back to `pending`, ready
    /// at once, on the next stage's queue at the next stage, with the stage's result stored and its
    /// attempt count reset (each stage has the task's whole retry budget).
    case advanced(StageAdvance)
}

/// The result of ``JobStore/requestCancel(id:)``.
public enum CancelResult: Sendable, Hashable {
    /// The job was pending and is now cancelled.
    case cancelled(Job)
    /// The job is running; its worker will stop it.
    case requested(Job)
    /// The job had already finished; nothing changed.
    case alreadyFinished(Job)
    case notFound
}

/// The result of ``JobStore/retry(id:additionalAttempts:)``.
public enum RetryResult: Sendable, Hashable {
    /// The job is `pending` again.
    case retried(Job)
    /// The job is pending, running or succeeded; nothing changed.
    case notRetryable(Job)
    case notFound
}
