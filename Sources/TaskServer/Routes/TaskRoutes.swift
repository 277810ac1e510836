import Hummingbird
import TaskRuntime

/// `GET /v1/tasks`, `GET /v1/tasks/{name}` and the generated submit route of every task,
/// `POST /v1/tasks/{name}`: validate, enqueue, `202 Accepted` with the job and its `Location`, or
/// `200` with the job that a task declaring `dedup` hands back instead.
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
            router.post("/v1/tasks/\(name)") { request, _ in
                var request = request
                let query = request.uri.queryParameters
                let parameters = try SubmitParameters(query: { query[Substring($0)] })
                return try await submit(task: name, parameters, input: try await request.jsonBody(limit: maxBodyBytes))
            }
        }
        router.post("/v1/tasks/:name") { _, context -> Response in
            throw taskNotFound(try context.parameters.require("name"))
        }
    }

    private func submit(task: String, _ parameters: SubmitParameters, input: JSONValue) async throws -> Response {
        let outcome: DedupOutcome
        do {
            outcome = try await submitter.submit(
                task: task, version: parameters.version, priority: parameters.priority, runAt: parameters.runAt,
                input: input)
        } catch SubmissionError.invalidInput(let violations) {
            throw Problem.invalidInput(violations)
        } catch SubmissionError.unknownTask(let name) {
            throw taskNotFound(name)
        } catch SubmissionError.versionRetired(let task, let version, let current) {
            throw Problem(
                .gone, .taskVersionRetired,
                "task '\(task)' no longer accepts version \(version); submit a version-\(current) input "
                    + "(see GET /v1/tasks/\(task))")
        } catch SubmissionError.versionNotFound(let task, let version, let current) {
            throw Problem(
                .notFound, .taskVersionNotFound, "task '\(task)' has no version \(version); its current version is \(current)")
        }
        switch outcome {
        case .created(let job):
            return Response.json(JobResource.json(job, catalog), status: .accepted, headers: Self.location(of: job))
        case .deduplicated(let job):
            return existing(job, deduplicated: true)
        case .reused(let job):
            return existing(job, deduplicated: false)
        }
    }

    /// `200` with a job that stands for the submission: `deduplicated` (it is pending or running) or
    /// `reused` (it succeeded within the task's reuse window).
    private func existing(_ job: Job, deduplicated: Bool) -> Response {
        var body = JobResource.json(job, catalog).objectValue ?? [:]
        body["deduplicated"] = .bool(deduplicated)
        body["reused"] = .bool(!deduplicated)
        return Response.json(.object(body), status: .ok, headers: Self.location(of: job))
    }

    private static func location(of job: Job) -> HTTPFields {
        [.location: "/v1/jobs/\(job.id.lowercasedString)"]
    }

    private func taskNotFound(_ name: String) -> Problem {
        Problem.taskNotFound(name, known: catalog.entries.map(\.definition.name))
    }
}
