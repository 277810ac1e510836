import Foundation
import Hummingbird
import TaskRuntime

/// `GET /v1/queues`: every queue a task of the catalog uses or a job, live worker or pause is on,
/// with its ready, scheduled and running jobs, the age of its oldest ready job, the workers serving
/// it with their slots for it, and its pause. `POST /v1/queues/{name}/pause` and `.../resume`
/// (`admin` scope) stop and restart every worker's claims on it.
struct QueueRoutes {
    let operations: TaskOperations

    func register(on router: Router<TaskRequestContext>) {
        router.get("/v1/queues") { _, context in
            let statuses = try await operations.queues(context: context)
            return Response.json(["queues": .array(statuses.map(Self.json))])
        }
        router.post("/v1/queues/:name/pause") { _, context in
            Response.json(
                Self.json(try await operations.pauseQueue(try context.parameters.require("name"), context: context)))
        }
        router.post("/v1/queues/:name/resume") { _, context in
            Response.json(
                Self.json(try await operations.resumeQueue(try context.parameters.require("name"), context: context)))
        }
    }

    private static func json(_ status: QueueStatus) -> JSONValue {
        [
            "name": .string(status.name),
            "pending": .integer(status.pending),
            "scheduled": .integer(status.scheduled),
            "running": .integer(status.running),
            "workers": .integer(status.workers),
            "concurrency": .integer(status.concurrency),
            "oldest_pending_age_seconds": status.oldestPendingAge.map {
                JSONValue(number: ($0 * 1000).rounded() / 1000)
            } ?? .null,
            "paused": .bool(status.paused != nil),
            "paused_at": status.paused.map { TaskOperations.timestamp($0.pausedAt) } ?? .null,
            "paused_by": status.paused?.pausedBy.map(JSONValue.string) ?? .null,
        ]
    }
}
