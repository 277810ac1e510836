import Foundation

/// What one ``Completion`` writes to its job's row, as driver-neutral values: the job state machine
/// in one place. A store's ``JobStore/finish(_:)`` binds these values into its statement and runs
/// it; it decides nothing about outcomes. (The `job_events` rows follow from the state and progress
/// the row is given, written by each store's trigger.)
///
/// | outcome | state | output | error | progress | run_at | attempt | other |
/// |---|---|---|---|---|---|---|---|
/// | succeeded | succeeded | set | cleared | 100 | kept | kept | finished_at |
/// | failed | failed | kept | set | reached | kept | kept | finished_at |
/// | retry | pending | kept | set | reached | retry time | kept | |
/// | cancelled | cancelled | kept | cancelled by request | reached | kept | kept | finished_at |
/// | crashed, retried | pending | kept | set | reached | retry time | kept | crashes + 1 |
/// | crashed, spent | quarantined | kept | set | reached | kept | kept | crashes + 1, finished_at |
/// | released | pending | kept | kept | kept | now | given back | |
/// | advanced | pending | kept | cleared | next stage's | now | reset | queue, stage, stage result |
///
/// Every completion also clears the lease and records the handler version that ran, when known.
public struct CompletionColumns: Sendable, Hashable {
    /// When the job is next ready to be claimed.
    public enum RunAt: Sendable, Hashable {
        case kept
        /// The database's current time: ready at once.
        case now
        case at(Date)

        /// The case's name, as the stores bind it.
        public var name: String {
            switch self {
            case .kept: "kept"
            case .now: "now"
            case .at: "at"
            }
        }
    }

    /// What happens to the attempt counter.
    public enum AttemptCount: Sendable, Hashable {
        case kept
        /// One less: the attempt did not count (a job given back at shutdown).
        case givenBack
        /// Zero: the next stage has the task's whole retry budget.
        case reset

        /// The case's name, as the stores bind it.
        public var name: String {
            switch self {
            case .kept: "kept"
            case .givenBack: "givenBack"
            case .reset: "reset"
            }
        }
    }

    /// The error column.
    public enum ErrorColumn: Sendable, Hashable {
        case kept
        case cleared
        /// The ``JobError`` as canonical JSON text.
        case set(String)

        /// The case's name, as the stores bind it.
        public var name: String {
            switch self {
            case .kept: "kept"
            case .cleared: "cleared"
            case .set: "set"
            }
        }
    }

    /// The columns of a job that moves on to its next stage.
    public struct NextStage: Sendable, Hashable {
        public var queue: String
        public var stage: String
        /// The completed stage's ``StageResult`` as canonical JSON text, appended to `stage_results`
        /// (the stage index goes up by one).
        public var result: String
    }

    public var lease: Lease
    public var state: JobState
    /// The output as canonical JSON text; `nil` keeps the column.
    public var output: String?
    public var error: ErrorColumn
    /// `nil` keeps the column.
    public var progress: Double?
    public var runAt: RunAt
    public var attempt: AttemptCount
    /// Whether the handler process died running the attempt: `crashes` goes up by one.
    public var crashed: Bool
    public var nextStage: NextStage?
    /// The version of the handler that ran; `nil` keeps the column.
    public var handlerVersion: Int?

    /// Whether the job reached a final state: `finished_at` is set to the database's current time.
    public var finishes: Bool { state.isTerminal }

    public init(_ completion: Completion) throws {
        lease = completion.lease
        handlerVersion = completion.handlerVersion
        output = nil
        runAt = .kept
        attempt = .kept
        crashed = false
        nextStage = nil
        switch completion.outcome {
        case .succeeded(let value):
            state = .succeeded
            output = value.canonicalString()
            error = .cleared
            progress = 100
        case .failed(let failure, let reached):
            state = .failed
            error = .set(try failure.canonicalJSON())
            progress = reached
        case .retry(let failure, let retryAt, let reached):
            state = .pending
            error = .set(try failure.canonicalJSON())
            progress = reached
            runAt = .at(retryAt)
        case .cancelled(let reached):
            state = .cancelled
            error = .set(try JobError.cancelledByRequest.canonicalJSON())
            progress = reached
        case .crashed(let failure, let retryAt, let reached):
            state = retryAt == nil ? .quarantined : .pending
            error = .set(try failure.canonicalJSON())
            progress = reached
            runAt = retryAt.map(RunAt.at) ?? .kept
            crashed = true
        case .released:
            state = .pending
            error = .kept
            progress = nil
            runAt = .now
            attempt = .givenBack
        case .advanced(let next):
            state = .pending
            error = .cleared
            progress = next.progress
            runAt = .now
            attempt = .reset
            nextStage = NextStage(
                queue: next.nextQueue, stage: next.nextStageName,
                result: try JSONValue(encoding: next.result).canonicalString())
        }
    }
}
