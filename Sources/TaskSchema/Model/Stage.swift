/// One stage of a multi-stage task: `stages: [{name: data_processing, queue: gpu, weight: 3, output: {...}}]`.
///
/// Each stage runs as its own attempts of the job: after a stage succeeds its output is stored and
/// the job is queued again, on the next stage's ``queue``, where the next stage's handler gets it as
/// its `previous` argument. Like ``TaskDefinition/queue``, `queue`, `timeout` and `weight` are
/// operational settings; the ``output`` of a stage is a contract between handler versions (a job may
/// finish one stage under one version and run the next under another), so changing it incompatibly
/// needs a new task version.
public struct Stage: Sendable, Hashable {
    /// Lower snake_case, unique within the task; the job's `stage` while it runs.
    public var name: String
    public var description: String?
    /// The queue the stage's attempts are claimed from: the task's queue unless declared.
    public var queue: String
    /// Hard limit for one attempt of the stage: the task's timeout unless declared.
    public var timeout: Duration
    /// The stage's share of the job's overall progress, relative to the other stages' weights.
    public var weight: Int
    /// The object the stage hands to the next one; `nil` for the last stage, whose output is the task's.
    public var output: Schema?
    /// Where the stage's name was written.
    public var location: SourceLocation

    public init(
        name: String, description: String? = nil, queue: String, timeout: Duration, weight: Int = 1,
        output: Schema? = nil,
        location: SourceLocation
    ) {
        self.name = name
        self.description = description
        self.queue = queue
        self.timeout = timeout
        self.weight = weight
        self.output = output
        self.location = location
    }

    /// The stage counts a task may declare: a single stage is just a task.
    public static let countRange = 2...8

    /// The Swift type name of the stage's output within its task's namespace:
    /// `data_processing` -> `DataProcessingOutput`.
    public var outputTypeName: String { Naming.upperCamelCase(name) + "Output" }

    /// The handler function of the stage of `task`: `aod_estimation`, `data_processing` ->
    /// `aodEstimationDataProcessing`.
    public func handlerName(in task: TaskDefinition) -> String {
        task.handlerName + Naming.upperCamelCase(name)
    }
}
