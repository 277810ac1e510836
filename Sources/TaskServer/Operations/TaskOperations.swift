import Foundation
import HTTPTypes
import Hummingbird
import Logging
import TaskArtifacts
import TaskRuntime

/// The framework's own operations, each checking the request's principal (scope, task, ownership)
/// and refusing with a ``Problem`` (stable code, problem+json): the `/v1` routes and the application's
/// ``RouteProfile``s call these same functions, so a profile only maps request and response shapes.
///
/// Every function that reads or changes a job answers `404 job_not_found` for a job the principal
/// does not own, exactly as `/v1` does; `admin` sees every job.
public struct TaskOperations: Sendable {
    public let catalog: TaskCatalog
    public let store: any JobStore
    public let configuration: ServerConfiguration
    let submitter: JobSubmitter
    /// `TASKS_PER_MINUTE`, spent once per job that reaches the store; `nil` for no limit.
    let submitLimit: SubmitRateLimit?
    /// Counts the jobs queued (`taskforge_jobs_submitted_total`).
    let metrics: TaskMetrics
    let recorder: ArtifactRecorder

    init(
        catalog: TaskCatalog, store: any JobStore, configuration: ServerConfiguration, artifacts: any ArtifactStore,
        metrics: TaskMetrics
    ) {
        self.catalog = catalog
        self.store = store
        self.configuration = configuration
        self.submitter = JobSubmitter(catalog: catalog, store: store)
        self.submitLimit = configuration.tasksPerMinute.map { SubmitRateLimit(tasksPerMinute: $0, store: store) }
        self.metrics = metrics
        self.recorder = ArtifactRecorder(
            store: artifacts, jobs: store, maxBytes: configuration.maxArtifactBytes,
            maxDatasetBytes: configuration.maxDatasetBytes)
    }

    // MARK: Submitting

    /// The job `input` makes for `task`, validated and owned by the request's principal, which must
    /// be allowed to submit the task. Refusals: `422 invalid_input` (with `violations`), `404
    /// task_not_found`, `410 task_version_retired`, `404 task_version_not_found`, and the task's own
    /// `422`/`503` refusals; `401`/`403` without the right token.
    public func prepare(
        task: String, version: Int? = nil, priority: Int? = nil, runAt: Date? = nil, input: JSONValue,
        context: TaskRequestContext
    ) throws -> NewJob {
        let principal = try context.principal(submitting: task)
        var job: NewJob
        do {
            job = try submitter.prepare(task: task, version: version, priority: priority, runAt: runAt, input: input)
        } catch {
            throw submissionProblem(error)
        }
        job.owner = principal.tokenID
        return job
    }

    /// Enqueues a job made by ``prepare(task:version:priority:runAt:input:context:)``: checks the
    /// datasets its input names (`404 dataset_not_found` at the property's pointer), spends the
    /// principal's `TASKS_PER_MINUTE` token (`429 rate_limit_exceeded` when none is left), then
    /// inserts it, or hands back the existing job of a task declaring `dedup`.
    public func enqueue(_ job: NewJob, context: TaskRequestContext) async throws -> DedupOutcome {
        let principal = try context.principal(submitting: job.task)
        try await checkDatasets(of: job, context: context)
        try await submitLimit?.admit(principal, jobs: 1, logger: context.logger)
        let outcome: DedupOutcome
        do {
            outcome = try await submitter.enqueue(job)
        } catch let missing as DatasetNotFound {
            // Deleted between the check and the insert.
            throw datasetNotFound(missing.id, in: job)
        }
        if case .created(let created) = outcome { metrics.jobSubmitted(created) }
        context.record.record(outcome.job)
        return outcome
    }

    public func taskNotFound(_ name: String) -> Problem {
        submissionProblem(.unknownTask(name))
    }

    /// The problem a refused submission answers (``Problem/submission(_:knownTasks:)``).
    func submissionProblem(_ error: SubmissionError) -> Problem {
        Problem.submission(error, knownTasks: catalog.entries.map(\.definition.name))
    }

    // MARK: Jobs

    /// The job with `id` if the principal holds `scope` and owns it (or is `admin`); otherwise
    /// `404 job_not_found`, also for a malformed id.
    public func job(id: String, scope: TokenScope = .read, context: TaskRequestContext) async throws -> Job {
        let principal = try context.principal(holding: scope)
        guard let uuid = UUID(uuidString: id), let job = try await store.job(id: uuid), principal.owns(job) else {
            throw Problem.jobNotFound(id)
        }
        context.record.record(job)
        return job
    }

    /// The principal's jobs matching `query` (every job for `admin`), newest first.
    public func jobs(matching query: JobQuery, context: TaskRequestContext) async throws -> JobPage {
        try await store.jobs(matching: try visible(query, context: context))
    }

    /// How many of the principal's jobs match `query`'s filters, counting at most `limit`.
    public func countJobs(matching query: JobQuery, upTo limit: Int, context: TaskRequestContext) async throws -> Int {
        try await store.countJobs(matching: try visible(query, context: context), upTo: limit)
    }

    /// `query` narrowed to the jobs the principal may read (its own; every job for `admin`).
    private func visible(_ query: JobQuery, context: TaskRequestContext) throws -> JobQuery {
        var query = query
        query.owner = try context.principal(holding: .read).ownerFilter
        return query
    }

    /// The artifacts a job produced, oldest first.
    public func artifacts(of job: Job) async throws -> [Artifact] {
        try await store.artifacts(ofJob: job.id)
    }

    /// The declared files of a job, or `nil` when its task declares none.
    public func files(of job: Job) async throws -> [JobFile]? {
        let declaresFiles = !(catalog.entry(named: job.task)?.definition.files.isEmpty ?? true)
        return declaresFiles ? try await store.files(ofJob: job.id) : nil
    }

    /// The job's event log, oldest first, as `GET /v1/jobs/{id}/events` lists it.
    public func events(of job: Job) async throws -> [JobEventBody] {
        try await store.events(forJob: job.id).map(JobResource.eventBody)
    }

    /// The datasets a job reads (its input lineage), or `nil` when its task's input names none.
    public func datasets(of job: Job) async throws -> [JobDataset]? {
        let readsDatasets = catalog.entry(named: job.task)?.definition.input.readsDatasets ?? false
        return readsDatasets ? try await store.datasets(readBy: job.id) : nil
    }

    /// Cancels the job with `id` (`cancel` scope): `cancelled` when it had not started, `requested`
    /// while it runs; `409 job_finished` when it already finished.
    public func cancel(id: String, context: TaskRequestContext) async throws -> CancelResult {
        let job = try await job(id: id, scope: .cancel, context: context)
        let result = try await store.requestCancel(id: job.id)
        switch result {
        case .cancelled, .requested:
            await record(.cancel, of: job, context: context)
            return result
        case .alreadyFinished(let job):
            throw Problem(
                .conflict, .jobFinished, "the job already finished as '\(job.state.rawValue)'; it cannot be cancelled",
                extensions: ["job": JobResource.json(job, catalog)])
        case .notFound:
            throw Problem.jobNotFound(job.id.lowercasedString)
        }
    }

    /// Runs the failed, cancelled or quarantined job with `id` again, with a fresh attempt budget (the
    /// task's current policy, or one attempt for a task no longer declared). Retrying is submitting:
    /// the `submit` scope, for the job's task. `409 job_not_retryable` for a job in another state.
    public func retry(id: String, context: TaskRequestContext) async throws -> Job {
        let job = try await job(id: id, scope: .submit, context: context)
        _ = try context.principal(submitting: job.task)
        let attempts = catalog.entry(named: job.task)?.definition.retry.maxAttempts ?? 1
        switch try await store.retry(id: job.id, additionalAttempts: attempts) {
        case .retried(let job):
            await record(.retry, of: job, context: context)
            return job
        case .notRetryable(let job):
            throw Problem(
                .conflict, .jobNotRetryable,
                "the job is '\(job.state.rawValue)'; only failed, cancelled and quarantined jobs can be retried",
                extensions: ["job": JobResource.json(job, catalog)])
        case .notFound:
            throw Problem.jobNotFound(job.id.lowercasedString)
        }
    }

    /// Records who cancelled or retried `job` beside its event log. The action itself is done by then:
    /// a failure to record it is logged, not answered (the client would retry an action that worked).
    private func record(_ kind: JobAction.Kind, of job: Job, context: TaskRequestContext) async {
        let actor = context.principal?.tokenID
        do {
            try await store.recordAction(JobAction(jobID: job.id, at: Date(), kind: kind, actor: actor))
        } catch {
            context.logger.error(
                "recording an operator's action failed",
                metadata: ["jobId": "\(job.id.lowercasedString)", "action": "\(kind.rawValue)", "error": "\(error)"])
        }
    }

    /// Starts the job with `id` that waits for its files (`submit` scope for its task): the job, now
    /// `pending`; `409 files_missing` with `missing` naming the required files not uploaded yet;
    /// `409 job_not_waiting` when it does not wait.
    public func start(id: String, context: TaskRequestContext) async throws -> Job {
        let job = try await job(id: id, scope: .submit, context: context)
        _ = try context.principal(submitting: job.task)
        switch try await store.startWaitingJob(id: job.id) {
        case .started(let job):
            return job
        case .filesMissing(let job, let missing):
            throw Problem(
                .conflict, .filesMissing,
                "the job still lacks required files: \(missing.joined(separator: ", ")); upload them first",
                extensions: [
                    "missing": .array(missing.map(JSONValue.string)),
                    "job": JobResource.json(job, catalog, files: try await store.files(ofJob: job.id)),
                ])
        case .notWaiting(let job):
            throw Problem(
                .conflict, .jobNotWaiting,
                "the job is '\(job.state.rawValue)', not waiting for files; it cannot be started",
                extensions: ["job": JobResource.json(job, catalog)])
        case .notFound:
            throw Problem.jobNotFound(job.id.lowercasedString)
        }
    }

    /// A job in the JSON form of `GET /v1/jobs/{id}`, for a profile that answers it beside its own members.
    public func json(
        _ job: Job, artifacts: [Artifact]? = nil, files: [JobFile]? = nil, datasets: [JobDataset]? = nil
    ) -> JSONValue {
        JobResource.json(job, catalog, artifacts: artifacts, files: files, datasets: datasets)
    }

    /// RFC 3339, UTC, with milliseconds, as every timestamp of the API: `2026-11-24T10:15:30.123Z`.
    public static func timestamp(_ date: Date) -> JSONValue {
        JobResource.timestamp(date)
    }

    // MARK: Deployment

    /// Every queue a task uses or a job or live worker is on, with its counts and workers (`read` scope).
    public func queues(context: TaskRequestContext) async throws -> [QueueStatus] {
        _ = try context.principal(holding: .read)
        return try await allQueues()
    }

    /// Pauses the queue `name` (`admin` scope): no worker on any machine claims its jobs until it is
    /// resumed; pausing a paused queue keeps its first pause. `404 queue_not_found` for a queue no
    /// task uses and no job or live worker is on.
    public func pauseQueue(_ name: String, context: TaskRequestContext) async throws -> QueueStatus {
        let principal = try context.principal(holding: .admin)
        try await requireQueue(name)
        let pause = try await store.pauseQueue(name, by: principal.tokenID, at: Date())
        context.logger.notice("queue paused", metadata: ["queue": "\(name)", "by": "\(principal.tokenID ?? "local")"])
        return try await queue(name, orPaused: pause)
    }

    /// Resumes the queue `name` (`admin` scope) and wakes its workers; resuming a queue that is not
    /// paused changes nothing. `404 queue_not_found` as for pausing.
    public func resumeQueue(_ name: String, context: TaskRequestContext) async throws -> QueueStatus {
        let principal = try context.principal(holding: .admin)
        try await requireQueue(name)
        if try await store.resumeQueue(name, by: principal.tokenID, at: Date()) {
            context.logger.notice(
                "queue resumed", metadata: ["queue": "\(name)", "by": "\(principal.tokenID ?? "local")"])
        }
        return try await queue(name, orPaused: nil)
    }

    /// Every queue a task uses or a job, live worker or pause is on, at `now`.
    private func allQueues() async throws -> [QueueStatus] {
        QueueStatus.including(catalog.queues, in: try await store.queueStatus(now: Date()))
    }

    private func requireQueue(_ name: String) async throws {
        guard try await allQueues().contains(where: { $0.name == name }) else {
            throw Problem(
                .notFound, .queueNotFound,
                "no queue named '\(name)': no task uses it and no job or live worker is on it")
        }
    }

    /// The status of queue `name` now, or of an empty queue with `pause`.
    private func queue(_ name: String, orPaused pause: PausedQueue?) async throws -> QueueStatus {
        try await allQueues().first { $0.name == name } ?? QueueStatus(name: name, paused: pause)
    }

    /// The limits in force (`read` scope), as read at start.
    public func limits(context: TaskRequestContext) throws -> ServiceLimits {
        _ = try context.principal(holding: .read)
        return ServiceLimits(configuration: configuration, tasks: catalog.taskLimits)
    }

    /// Whether the job store answers; `503 store_unavailable` when it does not. Public: no principal needed.
    public func checkReadiness(context: TaskRequestContext) async throws {
        do {
            _ = try await store.jobs(matching: JobQuery(limit: 1))
        } catch {
            context.logger.error("readiness check failed", metadata: ["error": "\(error)"])
            throw Problem(.serviceUnavailable, .storeUnavailable, "the job store does not answer")
        }
    }

    /// The dedup history of `key` (a dedup key as `GET /v1/dedup/{name}` answers it) for `task`,
    /// reduced to the jobs the principal owns: another principal's jobs count as absent.
    public func dedupHistory(task: String, key: String, context: TaskRequestContext) async throws -> DedupHistory {
        let principal = try context.principal(holding: .read)
        guard catalog.entry(named: task) != nil else { throw taskNotFound(task) }
        let history = try await store.dedupHistory(key: key)
        func visible(_ job: Job?) -> Job? { job.flatMap { $0.task == task && principal.owns($0) ? $0 : nil } }
        return DedupHistory(latest: visible(history.latest), latestSucceeded: visible(history.latestSucceeded))
    }
}

/// The limits a server enforces, as `GET /v1/limits` reports them; `nil` for none.
public struct ServiceLimits: Sendable {
    public var tasksPerMinute: Int?
    public var maxBatchSize: Int
    public var maxBodyBytes: Int
    public var maxRuntime: Duration?
    public var maxArtifactBytes: Int64
    /// Limits the tasks enforce as this deployment set them up, by task (`search`: `source_allowlist`, ...).
    public var tasks: [String: [String: JSONValue]]

    init(configuration: ServerConfiguration, tasks: [String: [String: JSONValue]]) {
        tasksPerMinute = configuration.tasksPerMinute
        maxBatchSize = configuration.maxBatchSize
        maxBodyBytes = configuration.maxBodyBytes
        maxRuntime = configuration.maxRuntime
        maxArtifactBytes = configuration.maxArtifactBytes
        self.tasks = tasks
    }
}
