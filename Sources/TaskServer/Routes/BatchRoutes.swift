import Foundation
import Hummingbird
import TaskRuntime

/// `POST /v1/jobs:batch` with `{"jobs": [{task, version?, input, options?}, ...]}`: every item is
/// validated as its own submit would be; when all are valid they are enqueued in one transaction and
/// the answer is `202` with the jobs in order, else `422 batch_invalid` lists each failing item by
/// index and nothing is enqueued. `options` holds the submit options (`priority`, `delay`, `run_at`).
///
/// Items of tasks that declare `dedup` are refused (`dedup_not_batchable`): their submission may
/// answer with an existing job, which an all-or-nothing batch cannot.
struct BatchRoutes {
    let operations: TaskOperations

    private var catalog: TaskCatalog { operations.catalog }
    private var submitter: JobSubmitter { operations.submitter }
    private var maxBodyBytes: Int { operations.configuration.maxBodyBytes }
    private var maxBatchSize: Int { operations.configuration.maxBatchSize }
    /// `TASKS_PER_MINUTE`: a valid batch spends one token per job, all or none.
    private var submitLimit: SubmitRateLimit? { operations.submitLimit }
    /// Counts the jobs queued (`taskforge_jobs_submitted_total`).
    private var metrics: TaskMetrics { operations.metrics }

    func register(on router: Router<TaskRequestContext>) {
        router.post("/v1/jobs:batch") { request, context in
            let principal = try context.principal(holding: .submit)
            var request = request
            let items = try Self.items(in: try await request.jsonBody(limit: maxBodyBytes), maxBatchSize: maxBatchSize)
            // All or nothing: one task the token may not submit refuses the whole batch.
            for task in Set(items.compactMap { $0["task"]?.stringValue }).sorted()
            where catalog.entry(named: task) != nil {
                _ = try context.principal(submitting: task)
            }
            var jobs: [NewJob] = []
            var failures: [JSONValue] = []
            for (index, item) in items.enumerated() {
                switch prepare(item) {
                case .success(var job):
                    job.owner = principal.tokenID
                    jobs.append(job)
                case .failure(let failure): failures.append(failure.json(index: index))
                }
            }
            guard failures.isEmpty else {
                throw Problem(
                    .unprocessableContent, .batchInvalid,
                    "\(failures.count) of \(items.count) item(s) cannot be submitted; nothing was queued",
                    extensions: ["items": .array(failures)])
            }
            for (index, job) in jobs.enumerated() where !job.datasets.isEmpty {
                do {
                    try await operations.checkDatasets(of: job, context: context)
                } catch var problem as Problem where problem.code == .datasetNotFound {
                    let pointer = problem.extensions["pointer"]?.stringValue ?? ""
                    problem.extensions["pointer"] = .string("/jobs/\(index)/input\(pointer == "/" ? "" : pointer)")
                    throw problem
                }
            }
            try await submitLimit?.admit(principal, jobs: jobs.count, logger: context.logger)
            let stored: [Job]
            do {
                stored = try await submitter.store.enqueue(jobs)
            } catch let missing as DatasetNotFound {
                throw TaskOperations.datasetNotFound(missing.id.lowercasedString)
            }
            stored.forEach(metrics.jobSubmitted)
            return Response.json(["jobs": .array(stored.map { JobResource.json($0, catalog) })], status: .accepted)
        }
    }

    /// The body's `jobs`: a non-empty array of at most `maxBatchSize` objects.
    private static func items(in body: JSONValue, maxBatchSize: Int) throws -> [JSONValue] {
        guard let items = body["jobs"]?.arrayValue, body.objectValue?.count == 1 else {
            throw Problem(
                .unprocessableContent, .invalidBatch,
                #"the body must be {"jobs": [{"task": ..., "input": {...}}, ...]}"#)
        }
        guard !items.isEmpty else { throw Problem(.unprocessableContent, .invalidBatch, "the batch has no jobs") }
        guard items.count <= maxBatchSize else {
            throw Problem(
                .unprocessableContent, .batchTooLarge,
                "the batch has \(items.count) jobs; at most \(maxBatchSize) are accepted at once (MAX_BATCH_SIZE)",
                extensions: ["max_batch_size": .integer(maxBatchSize)])
        }
        return items
    }

    /// The job one item makes, or why it cannot be submitted.
    private func prepare(_ item: JSONValue) -> Result<NewJob, ItemFailure> {
        guard let object = item.objectValue else {
            return .failure(ItemFailure(.invalidBatch, "the item is not an object"))
        }
        let unknown = Set(object.keys).subtracting(["task", "version", "input", "options"])
        guard unknown.isEmpty else {
            return .failure(
                ItemFailure(
                    .invalidBatch,
                    "unknown member(s) \(unknown.sorted().joined(separator: ", ")); an item has task, version, input and options"
                ))
        }
        guard let task = object["task"]?.stringValue else {
            return .failure(ItemFailure(.invalidBatch, "'task' must be a task name"))
        }
        guard let definition = catalog.entry(named: task)?.definition else {
            return .failure(ItemFailure(operations.taskNotFound(task)))
        }
        guard definition.dedup == nil else {
            return .failure(
                ItemFailure(
                    .dedupNotBatchable,
                    "task '\(task)' declares dedup; submit it on its own with POST /v1/tasks/\(task)"))
        }
        guard let input = object["input"] else { return .failure(ItemFailure(.invalidBatch, "'input' is required")) }
        if let problem = Self.optionsProblem(object["options"]) { return .failure(ItemFailure(.invalidBatch, problem)) }
        var options = object["options"]?.objectValue ?? [:]
        if let version = object["version"] {
            guard Self.isInteger(version) else {
                return .failure(ItemFailure(.invalidBatch, "'version' must be an integer"))
            }
            options["version"] = version
        }
        let parameters: SubmitParameters
        do {
            parameters = try SubmitParameters(query: { name in options[name].map { Substring(Self.text($0)) } })
        } catch let problem as Problem {
            return .failure(ItemFailure(problem))
        } catch {
            return .failure(ItemFailure(.invalidParameter, "\(error)"))
        }
        do {
            let job = try submitter.prepare(
                task: task, version: parameters.version, priority: parameters.priority, runAt: parameters.runAt,
                input: input)
            return .success(job)
        } catch {
            return .failure(ItemFailure(operations.submissionProblem(error)))
        }
    }

    /// Why `options` is not an object of an integer `priority` and string `delay` and `run_at`, or `nil`.
    private static func optionsProblem(_ options: JSONValue?) -> String? {
        guard let options else { return nil }
        guard let members = options.objectValue else {
            return "'options' must be an object of priority, delay and run_at"
        }
        if let unknown = Set(members.keys).subtracting(["priority", "delay", "run_at"]).sorted().first {
            return "'options' has no member '\(unknown)'; it takes priority, delay and run_at"
        }
        if let priority = members["priority"], !isInteger(priority) { return "'options.priority' must be an integer" }
        if let name = ["delay", "run_at"].first(where: { members[$0] != nil && members[$0]?.stringValue == nil }) {
            return "'options.\(name)' must be a string"
        }
        return nil
    }

    private static func isInteger(_ value: JSONValue) -> Bool {
        if case .integer = value { true } else { false }
    }

    /// An option as the query parameter text it stands for: `5`, `30s`.
    private static func text(_ value: JSONValue) -> String {
        value.stringValue ?? value.canonicalString()
    }
}

/// Why one batch item cannot be submitted.
private struct ItemFailure: Error {
    var code: ErrorCode
    var detail: String
    /// The problem's `violations`, the one member an item failure has beyond its code and detail.
    var violations: JSONValue?

    init(_ code: ErrorCode, _ detail: String) {
        self.code = code
        self.detail = detail
    }

    /// The failure of an item the single submit would answer with `problem`, in the same words.
    init(_ problem: Problem) {
        code = problem.code
        detail = problem.detail
        violations = problem.extensions["violations"]
    }

    func json(index: Int) -> JSONValue {
        var members: [String: JSONValue] = [
            "index": .integer(index), "code": .string(code.rawValue), "detail": .string(detail),
        ]
        if let violations { members["violations"] = violations }
        return .object(members)
    }
}
