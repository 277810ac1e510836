import TaskSchema

/// A job as every route that returns one shows it: one run of a task on one input.
public struct JobBody: APIBody, APIComponent, Hashable {
    public static let componentName = "Job"
    public static let componentDescription = "A job: one run of a task on one input."

    public var id: String
    public var task: String
    public var version: Int
    public var handlerVersion: Int?
    public var queue: String
    public var priority: Int
    public var state: JobState
    public var stage: String?
    public var stages: [JobStageBody]?
    public var progress: Double
    public var input: JSONValue
    public var output: JSONValue
    public var error: JobErrorBody?
    public var attempt: Int
    public var maxAttempts: Int
    public var crashes: Int
    public var cancelRequested: Bool
    public var createdAt: Timestamp
    public var runAt: Timestamp
    public var startedAt: Timestamp?
    public var finishedAt: Timestamp?
    public var links: JobLinks
    public var artifacts: [ArtifactJSON]?
    public var files: [JobFileBody]?
    public var datasets: [JobDatasetBody]?

    public init(
        id: String, task: String, version: Int, handlerVersion: Int?, queue: String, priority: Int, state: JobState,
        stage: String?, stages: [JobStageBody]?, progress: Double, input: JSONValue, output: JSONValue,
        error: JobErrorBody?, attempt: Int, maxAttempts: Int, crashes: Int, cancelRequested: Bool,
        createdAt: Timestamp, runAt: Timestamp, startedAt: Timestamp?, finishedAt: Timestamp?, links: JobLinks,
        artifacts: [ArtifactJSON]? = nil, files: [JobFileBody]? = nil, datasets: [JobDatasetBody]? = nil
    ) {
        self.id = id
        self.task = task
        self.version = version
        self.handlerVersion = handlerVersion
        self.queue = queue
        self.priority = priority
        self.state = state
        self.stage = stage
        self.stages = stages
        self.progress = progress
        self.input = input
        self.output = output
        self.error = error
        self.attempt = attempt
        self.maxAttempts = maxAttempts
        self.crashes = crashes
        self.cancelRequested = cancelRequested
        self.createdAt = createdAt
        self.runAt = runAt
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.links = links
        self.artifacts = artifacts
        self.files = files
        self.datasets = datasets
    }

    public enum CodingKeys: String, APIBodyKey {
        case id, task, version
        case handlerVersion = "handler_version"
        case queue, priority, state, stage, stages, progress, input, output, error, attempt
        case maxAttempts = "max_attempts"
        case crashes
        case cancelRequested = "cancel_requested"
        case createdAt = "created_at"
        case runAt = "run_at"
        case startedAt = "started_at"
        case finishedAt = "finished_at"
        case links, artifacts, files, datasets

        public var documentation: FieldDocumentation {
            switch self {
            case .id: FieldDocumentation("The job's id, a lowercase UUID.", keywords: ["format": "uuid"])
            case .task: "The task's name."
            case .version:
                FieldDocumentation(
                    "The task version the job was submitted under (the version of its input).",
                    keywords: ["minimum": 1])
            case .handlerVersion:
                FieldDocumentation(
                    "The task version whose handler ran the last attempt: newer than `version` when the input was "
                        + "upgraded; `null` until an attempt was recorded.", keywords: ["minimum": 1])
            case .queue: "The queue the job is on."
            case .priority: "Higher runs first within a queue."
            case .state: .undescribed
            case .stage:
                "The stage the job is at, for a multi-stage task; otherwise the handler's current stage, if it names one."
            case .stages: "The stages of a multi-stage task, in order; `null` for a single-stage task."
            case .progress: .percent
            case .input: "The input as stored, defaults filled in; it follows the task's input schema of `version`."
            case .output:
                FieldDocumentation(
                    "The handler's output once the job succeeded (it follows the task's `x-taskforge-output` schema), "
                        + "else `null`.")
            case .error: "Why the last attempt failed, else `null`."
            case .attempt: FieldDocumentation("Attempts started so far.", keywords: ["minimum": 0])
            case .maxAttempts: FieldDocumentation("Attempts allowed in all.", keywords: ["minimum": 1])
            case .crashes:
                FieldDocumentation(
                    "Attempts that ended with their handler process dying; the job is quarantined after a few.",
                    keywords: ["minimum": 0])
            case .cancelRequested: "Whether cancelling was requested."
            case .createdAt: "When the job was submitted."
            case .runAt: "When the job becomes ready to run."
            case .startedAt: "When the last attempt started."
            case .finishedAt: "When the job reached a final state."
            case .links: .undescribed
            case .artifacts: .optional("The artifacts the job wrote, oldest first (`GET /v1/jobs/{id}` only).")
            case .files:
                .optional(
                    "Its task's declared files and how far each got (a task with `files`: submit answers and "
                        + "`GET /v1/jobs/{id}`).")
            case .datasets:
                .optional(
                    "The datasets its input names, as they were at submit: its input lineage (`GET /v1/jobs/{id}` of a "
                        + "task whose input has a `format: dataset` property).")
            }
        }
    }
}

/// Where to go from a job.
public struct JobLinks: APIBody, Hashable {
    public var selfLink: String
    public var events: String
    public var cancel: String
    public var retry: String
    public var start: String?

    /// The links of the job at `path` (`/v1/jobs/<id>`); `start` for a job of a task with files.
    public init(path: String, startable: Bool) {
        selfLink = path
        events = path + "/events"
        cancel = path + "/cancel"
        retry = path + "/retry"
        start = startable ? path + "/start" : nil
    }

    public enum CodingKeys: String, APIBodyKey {
        case selfLink = "self"
        case events, cancel, retry, start

        public var documentation: FieldDocumentation {
            switch self {
            case .selfLink: "`GET` the job."
            case .events: "`GET` its event log."
            case .cancel: "`POST` to cancel it."
            case .retry: "`POST` to retry it once it failed, was cancelled or quarantined."
            case .start: .optional("`POST` to start it once its required files are uploaded (a task with `files`).")
            }
        }
    }
}

/// An artifact in a job's `artifacts`, as the artifact routes write it; its schema is theirs, the
/// `Artifact` component.
public struct ArtifactJSON: APIValue, Hashable {
    public var json: JSONValue

    public init(_ json: JSONValue) {
        self.json = json
    }

    public static let schema = JSONSchema.ref("Artifact")
    public static let sample = ArtifactJSON(.null)

    public init(from decoder: any Decoder) throws {
        json = try JSONValue(from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(json)
    }
}

extension FieldDocumentation {
    /// A job's progress.
    static let percent = FieldDocumentation("Percent done, 0 to 100.", keywords: ["minimum": 0, "maximum": 100])
}
