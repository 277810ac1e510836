import Foundation

/// A unit of work: one submission of a task with its input, and everything that happened to it.
public struct Job: Sendable, Hashable {
    public var id: UUID
    public var task: String
    /// The version the job was submitted under.
    public var version: Int
    /// The version of the handler that ran its last attempt (newer when the input was upgraded).
    public var handlerVersion: Int?
    public var queue: String
    /// Higher runs first within a queue.
    public var priority: Int
    public var state: JobState
    public var stage: String?
    /// The 0-based index of the stage a multi-stage job is at (always 0 for a single-stage task).
    public var stageIndex: Int
    /// The stages a multi-stage job has completed, in order; the last one's output is the next
    /// stage's input.
    public var stageResults: [StageResult]
    /// 0...100.
    public var progress: Double
    public var input: JSONValue
    public var output: JSONValue?
    public var error: JobError?
    /// The number of attempts started so far.
    public var attempt: Int
    public var maxAttempts: Int
    /// How many of its attempts ended with the worker process dying; see ``JobState/quarantined``.
    public var crashes: Int
    public var createdAt: Date
    /// When the job becomes eligible to run.
    public var runAt: Date
    public var startedAt: Date?
    public var finishedAt: Date?
    public var heartbeatAt: Date?
    /// Whether a cancel was requested while it ran.
    public var cancelRequested: Bool
    /// The worker that holds the current attempt's lease.
    public var leaseOwner: String?
    /// The fencing token of the current attempt; see ``Lease``.
    public var fence: Int
    /// A monotonically increasing insertion number, used for stable cursor pagination.
    public var sequence: Int64
    /// The id of the API token that submitted it; `nil` when submitted without authentication (or
    /// by a schedule).
    public var owner: String?
    /// The limit its submitter set for each attempt below the task's timeout (``NewJob/timeout``);
    /// `nil` for the task's.
    public var timeout: Duration?

    public init(
        id: UUID, task: String, version: Int, handlerVersion: Int? = nil, queue: String, priority: Int, state: JobState,
        stage: String? = nil, progress: Double = 0, input: JSONValue, output: JSONValue? = nil,
        error: JobError? = nil, attempt: Int = 0, maxAttempts: Int, crashes: Int = 0, createdAt: Date, runAt: Date,
        startedAt: Date? = nil, finishedAt: Date? = nil, heartbeatAt: Date? = nil,
        cancelRequested: Bool = false, leaseOwner: String? = nil, fence: Int = 0, sequence: Int64 = 0,
        stageIndex: Int = 0, stageResults: [StageResult] = [], owner: String? = nil, timeout: Duration? = nil
    ) {
        self.id = id
        self.task = task
        self.version = version
        self.handlerVersion = handlerVersion
        self.queue = queue
        self.priority = priority
        self.state = state
        self.stage = stage
        self.progress = progress
        self.input = input
        self.output = output
        self.error = error
        self.attempt = attempt
        self.maxAttempts = maxAttempts
        self.crashes = crashes
        self.createdAt = createdAt
        self.runAt = runAt
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.heartbeatAt = heartbeatAt
        self.cancelRequested = cancelRequested
        self.leaseOwner = leaseOwner
        self.fence = fence
        self.sequence = sequence
        self.stageIndex = stageIndex
        self.stageResults = stageResults
        self.owner = owner
        self.timeout = timeout
    }

    /// The lease of the attempt currently running, valid while `state == .running`.
    public var lease: Lease { Lease(jobID: id, fence: fence) }
}

/// A worker's claim on one attempt of a job. `fence` increases with every claim, so a worker
/// whose lease expired and was taken over cannot write over the attempt that replaced it:
/// every store write is conditional on the job still carrying this fence.
public struct Lease: Sendable, Hashable {
    public var jobID: UUID
    public var fence: Int

    public init(jobID: UUID, fence: Int) {
        self.jobID = jobID
        self.fence = fence
    }
}
