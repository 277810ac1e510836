import Hummingbird
import TaskRuntime

/// `GET /v1/tasks`, `GET /v1/tasks/{name}` and the generated submit route of every task,
/// `POST /v1/tasks/{name}`: validate, enqueue, `202 Accepted` with the job and its `Location`, or
/// `200` with the job that a task declaring `dedup` hands back instead (``SubmitAnswer``); with an
/// `Idempotency-Key` header, once per key (``IdempotentSubmission``).
struct TaskRoutes {
    let catalog: TaskCatalog
    let submitter: JobSubmitter
    let maxBodyBytes: Int
    /// `TASKS_PER_MINUTE`, spent once per submit that reaches the store (not by a replayed
    /// `Idempotency-Key`); `nil` for no limit.
    let submitLimit: SubmitRateLimit?
    /// Counts the jobs queued (`taskforge_jobs_submitted_total`).
    let metrics: TaskMetrics

    func register(on router: Router<TaskRequestContext>) {
        router.get("/v1/tasks") { _, context in
            _ = try context.principal(holding: .read)
            return Response.json(["tasks": .array(catalog.entries.map { TaskResource.json($0.definition) })])
        }
        router.get("/v1/tasks/:name") { _, context in
            _ = try context.principal(holding: .read)
            let name = try context.parameters.require("name")
            guard let entry = catalog.entry(named: name) else { throw taskNotFound(name) }
            return Response.json(TaskResource.json(entry.definition))
        }
        for entry in catalog.entries {
            let name = entry.definition.name
            // The literal path shadows `/v1/tasks/:name` for every method, so GET is routed here too.
            router.get("/v1/tasks/\(name)") { _, context in
                _ = try context.principal(holding: .read)
                return Response.json(TaskResource.json(entry.definition))
            }
            router.post("/v1/tasks/\(name)") { request, context in try await submit(task: name, request, context) }
            // `http: {path: ...}`: the same submission under a path of its own.
            if let alias = entry.definition.alias {
                router.post(RouterPath(alias.path)) { request, context in try await submit(task: name, request, context) }
            }
        }
        router.post("/v1/tasks/:name") { _, context -> Response in
            _ = try context.principal(holding: .submit)
            throw taskNotFound(try context.parameters.require("name"))
        }
    }

    /// Validates and enqueues the request's input, owned by the request's principal; once per
    /// `Idempotency-Key` (and principal) when it carries one.
    private func submit(task: String, _ request: Request, _ context: TaskRequestContext) async throws -> Response {
        let principal = try context.principal(submitting: task)
        var request = request
        let query = request.uri.queryParameters
        let parameters = try SubmitParameters(query: { query[Substring($0)] })
        let input = try await request.jsonBody(limit: maxBodyBytes)
        var job = try parameters.announcingFiles(on: try prepare(task: task, parameters, input: input))
        job.owner = principal.tokenID
        let enqueue = { (job: NewJob) in
            try await submitLimit?.admit(principal, jobs: 1, logger: context.logger)
            let outcome = try await submitter.enqueue(job)
            if case .created(let created) = outcome { metrics.jobSubmitted(created) }
            return SubmitAnswer(outcome, submitted: job, catalog: catalog)
        }
        let response: Response
        if let key = try IdempotentSubmission.key(in: request.headers) {
            response = try await IdempotentSubmission(store: submitter.store, catalog: catalog).respond(
                key: key, principal: principal.idempotencyScope, requestHash: parameters.fingerprint(task: task, input: input),
                job: job, enqueue: enqueue)
        } else {
            response = try await enqueue(job).response
        }
        context.record.record(submission: response, task: job.task, version: job.version)
        return response
    }

    /// The job `input` makes, validated; refusals are problems with their status and code.
    private func prepare(task: String, _ parameters: SubmitParameters, input: JSONValue) throws -> NewJob {
        do {
            return try submitter.prepare(
                task: task, version: parameters.version, priority: parameters.priority, runAt: parameters.runAt,
                input: input)
        } catch .invalidInput(let violations) {
            throw Problem.invalidInput(violations)
        } catch .unknownTask(let name) {
            throw taskNotFound(name)
        } catch .versionRetired(let task, let version, let current) {
            throw Problem(
                .gone, .taskVersionRetired,
                "task '\(task)' no longer accepts version \(version); submit a version-\(current) input "
                    + "(see GET /v1/tasks/\(task))")
        } catch .versionNotFound(let task, let version, let current) {
            throw Problem(
                .notFound, .taskVersionNotFound, "task '\(task)' has no version \(version); its current version is \(current)")
        } catch .refused(let refusal) {
            throw Problem.refused(refusal)
        }
    }

    private func taskNotFound(_ name: String) -> Problem {
        Problem.taskNotFound(name, known: catalog.entries.map(\.definition.name))
    }
}
