import Foundation
import TaskRuntime
import TaskServer

/// The body of seed 003's `POST /tasks`: `{"type": "echo", "params": {"msg": "hello"},
/// "timeout_seconds": 300, "max_retries": 0}`. `type` is a task's name, `params` its input (`echo`
/// takes the seed's `msg` for `message`). `max_retries` lowers the task's attempt budget (more than
/// the task allows is refused, naming its cap); `timeout_seconds` becomes the job's own timeout, which
/// only ever lowers the task's (the worker takes the smaller), and more than the deployment's
/// `TASK_MAX_RUNTIME_SECONDS` is refused, naming it.
/// Every malformed member is reported at once (`422 invalid_input`, pointers into this body).
struct Seed003Submission {
    var task: String
    var input: JSONValue
    var maxRetries: Int?
    var timeoutSeconds: Int?

    private static let members: Set = ["type", "params", "timeout_seconds", "max_retries"]

    init(_ body: JSONValue, catalog: TaskCatalog, maxRuntime: Duration?) throws {
        guard case .object(let object) = body else {
            throw Problem.invalidInput([Violation(pointer: "", code: "type", message: "must be a JSON object")])
        }
        var violations: [Violation] = []
        for key in object.keys.sorted() where !Self.members.contains(key) {
            violations.append(
                Violation(pointer: "/\(key)", code: "additional_property", message: "unknown property '\(key)'"))
        }
        let known = catalog.entries.map(\.definition.name)
        task = object["type"]?.stringValue ?? ""
        if object["type"] == nil {
            violations.append(Violation(pointer: "/type", code: "required", message: "the task type is required"))
        } else if !known.contains(task) {
            violations.append(
                Violation(pointer: "/type", code: "enum", message: "must be one of \(known.joined(separator: ", "))"))
        }
        var params = object["params"] ?? [:]
        if params.objectValue == nil {
            violations.append(Violation(pointer: "/params", code: "type", message: "must be a JSON object"))
            params = [:]
        }
        // The seed's echo names its field `msg`.
        if task == "echo", var members = params.objectValue, let message = members.removeValue(forKey: "msg") {
            members["message"] = message
            params = .object(members)
        }
        input = params
        func count(_ key: String, minimum: Int) -> Int? {
            guard let value = object[key], value != .null else { return nil }
            guard case .integer(let number) = value, number >= minimum else {
                violations.append(
                    Violation(pointer: "/\(key)", code: "type", message: "must be an integer of at least \(minimum)"))
                return nil
            }
            return number
        }
        maxRetries = count("max_retries", minimum: 0)
        timeoutSeconds = count("timeout_seconds", minimum: 1)
        if let maxRetries, let entry = catalog.entry(named: task), maxRetries >= entry.definition.retry.maxAttempts {
            let cap = entry.definition.retry.maxAttempts - 1
            violations.append(
                Violation(
                    pointer: "/max_retries", code: "maximum",
                    message:
                        "must be at most \(cap): task '\(task)' retries at most \(cap) time(s) (its retry.max_attempts)"
                ))
        }
        if let timeoutSeconds, let maxRuntime, Double(timeoutSeconds) > maxRuntime.seconds {
            violations.append(
                Violation(
                    pointer: "/timeout_seconds", code: "maximum",
                    message:
                        "must be at most \(Int(maxRuntime.seconds)) (TASK_MAX_RUNTIME_SECONDS, this deployment's cap)"))
        }
        guard violations.isEmpty else { throw Problem.invalidInput(violations) }
    }

    /// `job` with the attempt budget and the timeout the body asks for; a timeout at or above the
    /// task's own is not kept, since the task's applies anyway.
    func applied(to job: NewJob, taskTimeout: Duration) -> NewJob {
        var job = job
        if let maxRetries, maxRetries < job.maxAttempts { job.maxAttempts = maxRetries + 1 }
        if let timeoutSeconds, Double(timeoutSeconds) < taskTimeout.seconds { job.timeout = .seconds(timeoutSeconds) }
        return job
    }

    /// A task input's violations point into the seed's body: under `/params`, `echo`'s `message` as `msg`.
    static func repointed(_ problem: Problem, task: String) -> Problem {
        guard problem.code == .invalidInput, let violations = problem.extensions["violations"]?.arrayValue else {
            return problem
        }
        var problem = problem
        problem.extensions["violations"] = .array(
            violations.map { violation in
                guard case .object(var members) = violation, var pointer = members["pointer"]?.stringValue else {
                    return violation
                }
                if task == "echo", pointer == "/message" || pointer.hasPrefix("/message/") {
                    pointer = "/msg" + pointer.dropFirst("/message".count)
                }
                members["pointer"] = .string("/params" + pointer)
                return .object(members)
            })
        return problem
    }
}
