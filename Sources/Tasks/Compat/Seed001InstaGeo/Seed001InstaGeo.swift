import Foundation
import Hummingbird
import TaskRuntime
import TaskServer

/// Seed 001, the InstaGeo backend: `GET /api/task/{task_id}`, `GET /api/tasks`, `GET /api/health`
/// and `GET /api/queues/status` over jobs of the `aod_estimation` task. Its `POST /api/run-model`
/// is the task's `http:` alias in tasks.yaml, answered like `POST /v1/tasks/aod_estimation`.
struct Seed001InstaGeo: RouteProfile {
    static let task = "aod_estimation"
    let name = "seed001"
    let summary = "The InstaGeo backend's routes (seed 001): aod_estimation tasks, health and queues."
    var openAPIPaths: [String: JSONValue] { Seed001Document.paths }
    var publicPaths: Set<String> { ["/api/health"] }

    func register(on router: Router<TaskRequestContext>, operations: TaskOperations) {
        router.get("/api/task/:task_id") { _, context in
            let id = try context.parameters.require("task_id")
            let job = try await operations.job(id: id, context: context)
            guard job.task == Self.task else { throw Problem.jobNotFound(id) }
            return Response.json(Seed001Task(job: job, operations: operations).json(detailed: true))
        }
        router.get("/api/tasks") { _, context in
            var query = JobQuery(limit: 1000)
            query.task = Self.task
            var tasks: [JSONValue] = []
            // Every task, newest first, however many pages that takes.
            while true {
                let page = try await operations.jobs(matching: query, context: context)
                tasks += page.jobs.map { Seed001Task(job: $0, operations: operations).json(detailed: false) }
                guard let next = page.nextBefore else { break }
                query.before = next
            }
            return Response.json(["tasks": .array(tasks), "total": .integer(tasks.count)])
        }
        router.get("/api/health") { _, context in
            try await operations.checkReadiness(context: context)
            return Response.json(["status": "healthy", "store": "ok"])
        }
        router.get("/api/queues/status") { _, context in
            let queues = try await operations.queues(context: context)
            return Response.json([
                "queues": .object(
                    Dictionary(
                        uniqueKeysWithValues: queues.map { queue in
                            (
                                queue.name,
                                [
                                    "name": .string(queue.name), "queued": .integer(queue.pending),
                                    "scheduled": .integer(queue.scheduled), "started": .integer(queue.running),
                                    "workers": .integer(queue.workers), "concurrency": .integer(queue.concurrency),
                                ] as JSONValue
                            )
                        }))
            ])
        }
    }
}

/// One task as the InstaGeo backend shows it: its status (`data_processing`, `model_prediction`,
/// `completed`, `failed`), creation date, bounding-box count, model type and stage details.
struct Seed001Task {
    let job: Job
    let operations: TaskOperations

    /// The seed's status: the stage a live job is at, else how it ended.
    var status: String {
        switch job.state {
        case .succeeded: "completed"
        case .failed, .cancelled, .quarantined: "failed"
        case .waiting, .pending, .running:
            operations.json(job)["stage"]?.stringValue ?? "data_processing"
        }
    }

    func json(detailed: Bool) -> JSONValue {
        let v1 = operations.json(job)
        var stages: [String: JSONValue] = [:]
        for stage in v1["stages"]?.arrayValue ?? [] {
            guard let name = stage["name"]?.stringValue, case .object(var members) = stage else { continue }
            members["status"] = .string(Self.stageStatus(stage["state"]?.stringValue ?? "pending"))
            stages[name] = .object(members)
        }
        var members: [String: JSONValue] = [
            "task_id": .string(job.id.lowercasedString),
            "status": .string(status),
            "created_at": CompatSupport.timestamp(job.createdAt),
            "updated_at": CompatSupport.timestamp(job.finishedAt ?? job.startedAt ?? job.createdAt),
            "bboxes_count": .integer(job.input["bboxes"]?.arrayValue?.count ?? 0),
            "model_type": job.input["model_type"] ?? .null,
            "progress": JSONValue(number: job.progress),
            "stages": .object(stages),
        ]
        if detailed {
            members["parameters"] = job.input
            members["results"] = job.output ?? .null
            members["error"] =
                job.error.map { error -> JSONValue in
                    ["code": .string(error.code.rawValue), "message": .string(error.message)]
                } ?? .null
        }
        return .object(members)
    }

    /// A stage's state in the seed's words.
    private static func stageStatus(_ state: String) -> String {
        switch state {
        case "succeeded": "completed"
        case "failed", "cancelled", "quarantined": "failed"
        default: state
        }
    }
}
