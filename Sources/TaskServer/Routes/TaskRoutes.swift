import Hummingbird
import TaskRuntime

/// `GET /v1/tasks`, `GET /v1/tasks/{name}` and the generated submit route of every task,
/// `POST /v1/tasks/{name}`: validate, enqueue, `202 Accepted` with the job and its `Location`, or
/// `200` with the job that a task declaring `dedup` hands back instead (``SubmitAnswer``); with an
/// `Idempotency-Key` header, once per key (``IdempotentSubmission``).
struct TaskRoutes {
    /// Its submission spends `TASKS_PER_MINUTE` once per submit that reaches the store (not by a
    /// replayed `Idempotency-Key`).
    let operations: TaskOperations

    private var catalog: TaskCatalog { operations.catalog }

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
                router.post(RouterPath(alias.path)) { request, context in try await submit(task: name, request, context)
                }
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
        _ = try context.principal(submitting: task)
        var request = request
        let query = request.uri.queryParameters
        let parameters = try SubmitParameters(query: { query[Substring($0)] })
        let input = try await request.jsonBody(limit: operations.configuration.maxBodyBytes)
        let job = try parameters.announcingFiles(
            on: try operations.prepare(
                task: task, version: parameters.version, priority: parameters.priority, runAt: parameters.runAt,
                input: input, context: context))
        let enqueue = { (job: NewJob) in
            SubmitAnswer(try await operations.enqueue(job, context: context), submitted: job, catalog: catalog)
        }
        let response: Response
        if let key = try IdempotentSubmission.key(in: request.headers) {
            let principal = try context.principal(submitting: task)
            response = try await IdempotentSubmission(store: operations.store, catalog: catalog).respond(
                key: key, principal: principal.idempotencyScope,
                requestHash: parameters.fingerprint(task: task, input: input),
                job: job, enqueue: enqueue)
        } else {
            response = try await enqueue(job).response
        }
        context.record.record(submission: response, task: job.task, version: job.version)
        return response
    }

    private func taskNotFound(_ name: String) -> Problem {
        operations.taskNotFound(name)
    }
}
