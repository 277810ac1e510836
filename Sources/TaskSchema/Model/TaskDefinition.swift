/// One task as declared in `tasks.yaml`.
public struct TaskDefinition: Sendable, Hashable {
    /// Lower snake_case; it becomes a URL segment and, in UpperCamelCase, a Swift type name.
    public var name: String
    public var version: Int
    public var summary: String
    public var description: String?
    /// The queue its jobs are put on; workers subscribe to queues.
    public var queue: String
    /// The default priority of its jobs, in ``priorityRange``: higher is claimed first. An operational
    /// setting like ``queue``: not part of the schema lock.
    public var priority: Int
    /// Hard limit for one attempt.
    public var timeout: Duration
    public var retry: RetryPolicy
    public var input: Schema
    public var output: Schema
    /// `accepts`: the older versions whose payloads are still taken and upgraded to ``version``,
    /// ascending; each is lower than ``version``. Empty when the task accepts only its current version.
    public var acceptedVersions: [Int]
    /// `dedup`: how equal submissions share a job; `nil` when every submission makes a new job.
    public var dedup: DedupPolicy?
    /// `rate_limit`: how fast its jobs may start across all workers; `nil` when unlimited.
    public var rateLimit: RateLimitPolicy?
    /// `search`: the top-level input properties the store indexes for each job, so that jobs can be
    /// found by them (a text or boolean by value, a number by range, any property by presence). An
    /// operational setting like ``queue``: not part of the schema lock. Empty when none.
    public var searchFields: [String]
    /// `schedule`: when jobs are enqueued by the clock, each with its own input; empty when never.
    public var schedules: [Schedule]
    /// `http`: an extra submit route with a path of its own; `nil` when there is none.
    public var alias: RouteAlias?
    /// `stages`: the named phases a job runs through in order, each a handler of its own; empty for
    /// a single-stage task.
    public var stages: [Stage]
    /// `files`: the files a job needs before it starts, in declaration order; empty when none (the
    /// job is `pending` at once).
    public var files: [FileInput]
    /// Where the task's name was written.
    public var location: SourceLocation

    public init(
        name: String,
        version: Int,
        summary: String,
        description: String? = nil,
        queue: String,
        priority: Int = 0,
        timeout: Duration,
        retry: RetryPolicy = .none,
        input: Schema,
        output: Schema,
        acceptedVersions: [Int] = [],
        dedup: DedupPolicy? = nil,
        rateLimit: RateLimitPolicy? = nil,
        searchFields: [String] = [],
        schedules: [Schedule] = [],
        alias: RouteAlias? = nil,
        stages: [Stage] = [],
        files: [FileInput] = [],
        location: SourceLocation
    ) {
        self.name = name
        self.version = version
        self.summary = summary
        self.description = description
        self.queue = queue
        self.priority = priority
        self.timeout = timeout
        self.retry = retry
        self.input = input
        self.output = output
        self.acceptedVersions = acceptedVersions
        self.dedup = dedup
        self.rateLimit = rateLimit
        self.searchFields = searchFields
        self.schedules = schedules
        self.alias = alias
        self.stages = stages
        self.files = files
        self.location = location
    }

    /// The priorities a task or a submission may set: `-1000...1000`.
    public static let priorityRange = -1000...1000

    /// The Swift type name generated for the task: `aod_estimation` -> `AodEstimation`.
    public var typeName: String { Naming.upperCamelCase(name) }

    /// The name of the handler function the application must define: `aod_estimation` -> `aodEstimation`.
    public var handlerName: String { Naming.lowerCamelCase(name) }
}

/// How failed attempts are retried: `retry: {max_attempts: 4, backoff: exponential, initial: 1s, max: 1m}`.
public struct RetryPolicy: Sendable, Hashable {
    public enum Backoff: String, Sendable, Hashable, CaseIterable {
        case exponential, fixed
    }

    /// Attempts in all, the first included; 1 means no retry.
    public var maxAttempts: Int
    public var backoff: Backoff
    public var initial: Duration
    public var max: Duration

    public init(
        maxAttempts: Int, backoff: Backoff = .exponential, initial: Duration = .seconds(1), max: Duration = .seconds(60)
    ) {
        self.maxAttempts = maxAttempts
        self.backoff = backoff
        self.initial = initial
        self.max = max
    }

    /// One attempt, no retry: the default when `retry` is absent.
    public static let none = RetryPolicy(maxAttempts: 1)

    /// The upper bound of the delay before attempt `attempt + 1`, after `attempt` failed (1-based).
    /// Callers apply full jitter: a uniform delay in `0...ceiling`.
    public func delayCeiling(afterAttempt attempt: Int) -> Duration {
        switch backoff {
        case .fixed:
            return initial
        case .exponential:
            let factor = Double(1 << Swift.min(Swift.max(attempt - 1, 0), 30))
            return Swift.min(initial * factor, max)
        }
    }
}

/// A shared schema declared under `types:` and referenced with `$ref: "#/types/Name"`.
public struct NamedType: Sendable, Hashable {
    public var name: String
    public var schema: Schema

    public init(name: String, schema: Schema) {
        self.name = name
        self.schema = schema
    }
}

/// A parsed `tasks.yaml`: shared types and tasks, each sorted by name.
public struct Registry: Sendable, Hashable {
    public var file: String
    public var types: [NamedType]
    public var tasks: [TaskDefinition]

    public init(file: String, types: [NamedType], tasks: [TaskDefinition]) {
        self.file = file
        self.types = types.sorted { $0.name < $1.name }
        self.tasks = tasks.sorted { $0.name < $1.name }
    }

    public func task(named name: String) -> TaskDefinition? {
        tasks.first { $0.name == name }
    }

    public func type(named name: String) -> NamedType? {
        types.first { $0.name == name }
    }

    /// `schema` with every `$ref` replaced by the referenced type's schema, recursively.
    /// The referencing schema's own annotations (`description`, `default`) win over the type's.
    public func resolvingRefs(in schema: Schema) -> Schema {
        var resolved = schema
        if let ref = schema.ref, let target = type(named: ref) {
            resolved = resolvingRefs(in: target.schema)
            resolved.description = schema.description ?? resolved.description
            resolved.title = schema.title ?? resolved.title
            resolved.defaultValue = schema.defaultValue ?? resolved.defaultValue
            resolved.location = schema.location
            return resolved
        }
        resolved.properties = schema.properties.map { .init($0.name, resolvingRefs(in: $0.schema)) }
        resolved.items = schema.items.map { resolvingRefs(in: $0) }
        return resolved
    }
}
