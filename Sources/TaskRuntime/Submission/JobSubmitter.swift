import Foundation

/// Turns a submission (task name and JSON input) into a stored job: looks the task up, validates
/// the input against the task's schema, fills in defaults and enqueues.
///
/// Every way in (HTTP, batch, schedules) goes through here, so validation is the same everywhere.
public struct JobSubmitter: Sendable {
    public let catalog: TaskCatalog
    public let store: any JobStore

    public init(catalog: TaskCatalog, store: any JobStore) {
        self.catalog = catalog
        self.store = store
    }

    /// Validates `input` for `task` and returns the job to insert, with defaults applied.
    public func prepare(task: String, input: JSONValue) throws(SubmissionError) -> NewJob {
        guard let entry = catalog.entry(named: task) else {
            throw .unknownTask(task)
        }
        let definition = entry.definition
        let violations = definition.input.validate(input)
        guard violations.isEmpty else {
            throw .invalidInput(violations)
        }
        return NewJob(
            task: definition.name,
            version: definition.version,
            queue: definition.queue,
            input: definition.input.applyingDefaults(to: input),
            maxAttempts: definition.retry.maxAttempts
        )
    }

    /// Validates and enqueues one job.
    public func submit(task: String, input: JSONValue) async throws -> Job {
        let stored = try await store.enqueue([try prepare(task: task, input: input)])
        guard let job = stored.first else {
            preconditionFailure("JobStore.enqueue returned no job for one insert")
        }
        return job
    }
}

/// Why a submission was refused before anything was stored.
public enum SubmissionError: Error, Sendable, Hashable {
    case unknownTask(String)
    case invalidInput([Violation])
}
