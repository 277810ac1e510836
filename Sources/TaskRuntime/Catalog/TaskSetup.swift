import Foundation

/// What a process sets up for its tasks once, at start, from its environment and flags: the
/// ``TaskServices`` handlers read, checks that refuse a submission before it is queued, the values a
/// dedup key is made of, and operational settings that follow the deployment (the result reuse
/// window, the rate of a shared rate limit). ``TaskCatalog/configured(_:)`` applies it to a catalog.
///
/// An application builds it in `static func setup(environment:)` of its `TaskApplication`; `serve`,
/// `worker` and the handler processes they supervise each build their own from the same
/// environment, so give every process of a deployment the same variables.
public struct TaskSetup: Sendable {
    /// What handlers read through ``JobContext/services``.
    public var services = TaskServices()
    private(set) var admissions: [String: Admission] = [:]
    private(set) var dedupKeyValues: [String: DedupKeyValues] = [:]
    private(set) var reuseWindows: [String: Duration] = [:]
    private(set) var rates: [String: Double] = [:]
    private(set) var limits: [String: [String: JSONValue]] = [:]

    /// Checks a current-version input (defaults applied) and returns the input to store; throws
    /// only ``SubmissionRefusal``.
    typealias Admission = @Sendable (JSONValue) throws -> JSONValue
    /// The input as the dedup key sees it.
    typealias DedupKeyValues = @Sendable (JSONValue) -> JSONValue

    public init() {}

    /// Runs `check` on every submission of `task` after its input passed the schema (defaults
    /// applied), before anything is queued: it throws a ``SubmissionRefusal`` to refuse it and returns
    /// the input to store (completed or normalised as the task needs). Submissions pinned to an older
    /// version are checked after they are upgraded, when their job runs, not here.
    public mutating func admit<Input: Codable & Sendable>(
        _ task: TaskDefinition, _ check: @escaping @Sendable (Input) throws(SubmissionRefusal) -> Input
    ) {
        admissions[task.name] = { json in try TaskSetup.admit(json, as: Input.self, check) }
    }

    /// `json` decoded as `Input`, checked by `check` and encoded again. The schema accepted `json`
    /// and the generated types mirror it, so decoding fails only when the two disagree; the check
    /// must not be skipped then.
    private static func admit<Input: Codable & Sendable>(
        _ json: JSONValue, as type: Input.Type, _ check: (Input) throws(SubmissionRefusal) -> Input
    ) throws(SubmissionRefusal) -> JSONValue {
        guard let input = try? json.decode(as: type) else {
            throw .invalidParameters([
                Violation(pointer: "", code: "type", message: "the input does not decode as \(type)")
            ])
        }
        let admitted = try check(input)
        return (try? JSONValue(encoding: admitted)) ?? json
    }

    /// Makes the dedup key of `task` from `values(input)` instead of the stored input itself, so that
    /// submissions that differ only in ways the task ignores (case, spacing) share a key. The
    /// declared key fields are read from the returned value.
    public mutating func dedupKey<Input: Codable & Sendable>(
        _ task: TaskDefinition, values: @escaping @Sendable (Input) -> Input
    ) {
        dedupKeyValues[task.name] = { json in
            guard let input = try? json.decode(as: Input.self), let normalised = try? JSONValue(encoding: values(input))
            else { return json }
            return normalised
        }
    }

    /// Hands a succeeded job of `task` back for `window` after it finished, instead of the
    /// `reuse_result_for` of `tasks.yaml` (zero: never). The task must declare `dedup`.
    public mutating func reuseResults(of task: TaskDefinition, for window: Duration) {
        precondition(task.dedup != nil, "task '\(task.name)' declares no dedup, so it has no results to reuse")
        reuseWindows[task.name] = window
    }

    /// Shows `value` as the limit `name` of `task` in `GET /v1/limits` (under `tasks`): a limit the
    /// task enforces that the deployment chose, such as an allowlist read from the environment, so that
    /// clients can see it before a submission is refused.
    public mutating func showLimit(_ name: String, of task: TaskDefinition, _ value: JSONValue) {
        limits[task.name, default: [:]][name] = value
    }

    /// Refills the shared rate limit of `task` at `perSecond` tokens a second instead of the rate of
    /// `tasks.yaml`. The task must declare `rate_limit`; every process sharing the bucket must agree.
    public mutating func limitRate(of task: TaskDefinition, perSecond: Double) {
        precondition(task.rateLimit != nil, "task '\(task.name)' declares no rate_limit")
        precondition(perSecond > 0, "a rate must be positive")
        rates[task.name] = perSecond
    }
}
