import Foundation

/// Turns a submission (task name and JSON input) into a stored job: looks the task up, validates
/// the input against the task's schema, fills in defaults and enqueues.
///
/// Every way in (HTTP, batch, schedules) goes through here, so validation is the same everywhere.
public struct JobSubmitter: Sendable {
    public let catalog: TaskCatalog
    public let store: any JobStore
    /// Single submissions that arrive together are inserted together (``GroupCommit``): one
    /// statement and one commit for the jobs of concurrent requests, each caller answered only once
    /// its job is stored.
    private let inserts: GroupCommit<NewJob, Result<Job, any Error>>

    /// The most single submissions one grouped insert takes.
    static let maxGroupedInserts = 500

    public init(catalog: TaskCatalog, store: any JobStore) {
        self.catalog = catalog
        self.store = store
        inserts = GroupCommit(maxBatch: Self.maxGroupedInserts) { jobs in
            do {
                return try await store.enqueue(jobs).map { .success($0) }
            } catch  where jobs.count > 1 {
                // A failure that is one job's own (a dataset deleted meanwhile) must not refuse the
                // others of its group: each is tried alone and answered with its own outcome.
                var answers: [Result<Job, any Error>] = []
                for job in jobs {
                    do {
                        answers.append(.success(try await Self.insert(job, into: store)))
                    } catch {
                        answers.append(.failure(error))
                    }
                }
                return answers
            }
        }
    }

    /// Validates `input` for `task` and returns the job to insert, with defaults applied and checked
    /// by the task's submission check when the process set one up (``TaskSetup/admit(_:_:)``).
    ///
    /// `version` pins the input's version: the current one (the default), or an older one the task
    /// still `accepts`, whose schema then applies and whose jobs are upgraded before they run.
    /// `priority` overrides the task's default priority; `runAt` holds the job back until then.
    public func prepare(
        task: String, version: Int? = nil, priority: Int? = nil, runAt: Date? = nil, input: JSONValue
    ) throws(SubmissionError) -> NewJob {
        guard let entry = catalog.entry(named: task) else {
            throw .unknownTask(task)
        }
        let definition = entry.definition
        let schema: Schema
        let violations: [Violation]
        switch version {
        case nil, definition.version?:
            schema = definition.input
            violations = entry.validateCurrentInput(input)
        case let older?:
            if let accepted = entry.olderVersions[older] {
                schema = accepted.inputSchema
                violations = schema.validate(input)
            } else if older < definition.version {
                throw .versionRetired(task: task, version: older, current: definition.version)
            } else {
                throw .versionNotFound(task: task, version: older, current: definition.version)
            }
        }
        guard violations.isEmpty else {
            throw .invalidInput(violations)
        }
        var stored = schema.applyingDefaults(to: input)
        if version == nil || version == definition.version {
            do {
                stored = try entry.admit(stored)
            } catch {
                throw .refused(error)
            }
        }
        return NewJob(
            task: definition.name,
            version: version ?? definition.version,
            queue: definition.initialQueue,
            priority: priority ?? definition.priority,
            input: stored,
            maxAttempts: definition.retry.maxAttempts,
            runAt: runAt ?? Date(),
            files: definition.files,
            datasets: Self.datasets(in: stored, schema: schema)
        )
    }

    /// The datasets a valid input names, each once, in document order.
    static func datasets(in input: JSONValue, schema: Schema) -> [UUID] {
        var ids: [UUID] = []
        for reference in schema.datasetReferences(in: input) {
            if let id = UUID(uuidString: reference.id), !ids.contains(id) { ids.append(id) }
        }
        return ids
    }

    /// Validates and enqueues one job; the options are those of ``prepare(task:version:priority:runAt:input:)``.
    ///
    /// When the task declares `dedup`, the job is inserted only if no pending or running job has its
    /// dedup key and no job with the key succeeded within the reuse window; otherwise that job is the
    /// outcome. A task without `dedup` always gets a new job.
    public func submit(
        task: String, version: Int? = nil, priority: Int? = nil, runAt: Date? = nil, input: JSONValue
    ) async throws -> DedupOutcome {
        try await enqueue(try prepare(task: task, version: version, priority: priority, runAt: runAt, input: input))
    }

    /// Enqueues a job made by ``prepare(task:version:priority:runAt:input:)``, deduplicated as
    /// ``submit(task:version:priority:runAt:input:)`` describes.
    public func enqueue(_ newJob: NewJob) async throws -> DedupOutcome {
        if let entry = catalog.entry(named: newJob.task), let dedup = entry.definition.dedup {
            let key = entry.dedupKey(dedup, version: newJob.version, input: newJob.input, owner: newJob.owner)
            return try await store.enqueueDeduplicated(newJob, key: key, reuseResultFor: dedup.reuseResultFor)
        }
        return .created(try await inserts.submit(newJob).get())
    }

    private static func insert(_ job: NewJob, into store: any JobStore) async throws -> Job {
        guard let stored = try await store.enqueue([job]).first else {
            preconditionFailure("JobStore.enqueue returned no job for one insert")
        }
        return stored
    }
}

/// Why a submission was refused before anything was stored.
public enum SubmissionError: Error, Sendable, Hashable {
    case unknownTask(String)
    case invalidInput([Violation])
    /// An older version the task no longer accepts.
    case versionRetired(task: String, version: Int, current: Int)
    /// A version the task never had.
    case versionNotFound(task: String, version: Int, current: Int)
    /// The task's submission check refused the input (an allowlist, a provider not configured).
    case refused(SubmissionRefusal)
}
