import Foundation
import HTTPTypes
import Hummingbird
import TaskRuntime
import TaskServer

/// Seed 003, the task runner: `POST /tasks`, `GET /tasks/{task_id}`, `POST /tasks/{task_id}/cancel`,
/// `POST /artifacts`, `GET /artifacts/{artifact_id}` and `/meta`, `GET /limits`, `GET /health`, and
/// its dedup helpers as `GET /dedup/has_been_processed` and `GET /dedup/latest_run_for_key`. Its
/// `POST /search` is the `search` task's `http:` alias in tasks.yaml.
struct Seed003TaskRunner: RouteProfile {
    let name = "seed003"
    let summary = "The task runner's routes (seed 003): tasks, artifacts, limits, health and dedup helpers."
    var openAPIPaths: [String: JSONValue] { Seed003Document.paths }
    var publicPaths: Set<String> { ["/health"] }

    func register(on router: Router<TaskRequestContext>, operations: TaskOperations) {
        let maxRuntime = operations.configuration.maxRuntime
        let task: @Sendable (Job) -> JSONValue = { job in
            Seed003Task(job: job, catalog: operations.catalog, maxRuntime: maxRuntime).json
        }
        router.post("/tasks") { request, context in
            var request = request
            let body = try await request.jsonBody(limit: operations.configuration.maxBodyBytes)
            let submission = try Seed003Submission(body, catalog: operations.catalog, maxRuntime: maxRuntime)
            let job: NewJob
            do {
                job = try operations.prepare(task: submission.task, input: submission.input, context: context)
            } catch let problem as Problem {
                throw Seed003Submission.repointed(problem, task: submission.task)
            }
            let taskTimeout = operations.catalog.entry(named: submission.task)?.definition.timeout ?? .zero
            let outcome = try await operations.enqueue(
                submission.applied(to: job, taskTimeout: taskTimeout), context: context)
            return Response.json(task(outcome.job), headers: [.location: "/tasks/\(outcome.job.id.lowercasedString)"])
        }
        router.get("/tasks/:task_id") { _, context in
            Response.json(
                task(try await operations.job(id: try context.parameters.require("task_id"), context: context)))
        }
        router.post("/tasks/:task_id/cancel") { _, context in
            switch try await operations.cancel(id: try context.parameters.require("task_id"), context: context) {
            case .cancelled(let job), .requested(let job), .alreadyFinished(let job):
                return Response.json(task(job))
            case .notFound:
                throw Problem.jobNotFound(try context.parameters.require("task_id"))
            }
        }
        Seed003Artifacts(operations: operations).register(on: router)
        router.get("/limits") { _, context in
            Response.json(Seed003Limits(try operations.limits(context: context)).json)
        }
        router.get("/health") { _, context in
            try await operations.checkReadiness(context: context)
            return Response.json(["status": "ok"])
        }
        Seed003Dedup(operations: operations, task: task).register(on: router)
    }
}

/// `GET /limits` with the seed's variable names and this deployment's values.
struct Seed003Limits {
    let limits: ServiceLimits

    init(_ limits: ServiceLimits) { self.limits = limits }

    var json: JSONValue {
        let search = limits.tasks["search"] ?? [:]
        let domains = search["fetch_domain_allowlist"] ?? .null
        return [
            "TASK_MAX_RUNTIME_SECONDS": limits.maxRuntime.map { JSONValue(number: $0.seconds) } ?? .null,
            "TASK_MAX_ARTIFACT_MB": JSONValue(number: Double(limits.maxArtifactBytes) / Double(1 << 20)),
            "TASKS_PER_MINUTE": limits.tasksPerMinute.map(JSONValue.integer) ?? .null,
            "SEARCH_SOURCE_ALLOWLIST": search["source_allowlist"] ?? .null,
            // The seed writes "any domain" as `*`.
            "FETCH_DOMAIN_ALLOWLIST": domains == .null ? ["*"] : domains,
            "MAX_BATCH_SIZE": .integer(limits.maxBatchSize),
        ]
    }
}
