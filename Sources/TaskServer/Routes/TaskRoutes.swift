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

    func register(on router: Router<BasicRequestContext>) {
        router.get("/v1/tasks") { _, _ in
            Response.json(["tasks": .array(catalog.entries.map { TaskResource.json($0.definition) })])
        }
        router.get("/v1/tasks/:name") { _, context in
            let name = try context.parameters.require("name")
            guard let entry = catalog.entry(named: name) else { throw taskNotFound(name) }
            return Response.json(TaskResource.json(entry.definition))
        }
        for entry in catalog.entries {
            let name = entry.definition.name
            // The literal path shadows `/v1/tasks/:name` for every method, so GET is routed here too.
            router.get("/v1/tasks/\(name)") { _, _ in Response.json(TaskResource.json(entry.definition)) }
            router.post("/v1/tasks/\(name)") { request, _ in try await submit(task: name, request) }
            // `http: {path: ...}`: the same submission under a path of its own.
            if let alias = entry.definition.alias {
                router.post(RouterPath(alias.path)) { request, _ in try await submit(task: name, request) }
            }
        }
        router.post("/v1/tasks/:name") { _, context -> Response in
            throw taskNotFound(try context.parameters.require("name"))
        }
    }

    /// Validates and enqueues the request's input; once per `Idempotency-Key` when it carries one.
    private func submit(task: String, _ request: Request) async throws -> Response {
        var request = request
        let query = request.uri.queryParameters
        let parameters = try SubmitParameters(query: { query[Substring($0)] })
        let input = try await request.jsonBody(limit: maxBodyBytes)
        let job = try prepare(task: task, parameters, input: input)
        guard let key = try IdempotentSubmission.key(in: request.headers) else {
            return SubmitAnswer(try await submitter.enqueue(job), catalog: catalog).response
        }
        return try await IdempotentSubmission(store: submitter.store, catalog: catalog).respond(
            key: key, principal: Self.principal, requestHash: parameters.fingerprint(task: task, input: input), job: job
        ) { job in SubmitAnswer(try await submitter.enqueue(job), catalog: catalog) }
    }

    /// Who submits: every request until API tokens exist, so idempotency keys share one scope.
    static let principal = "anonymous"

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
