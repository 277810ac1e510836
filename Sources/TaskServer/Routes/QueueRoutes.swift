import Foundation
import Hummingbird
import TaskRuntime

/// `GET /v1/queues`: every queue a task of the catalog uses or a job or live worker is on, with its
/// ready, scheduled and running jobs, the age of its oldest ready job, and the workers serving it
/// with their slots for it.
struct QueueRoutes {
    let operations: TaskOperations

    func register(on router: Router<TaskRequestContext>) {
        router.get("/v1/queues") { _, context in
            let statuses = try await operations.queues(context: context)
            return Response.json(["queues": .array(statuses.map(Self.json))])
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
            "oldest_pending_age_seconds": status.oldestPendingAge.map { JSONValue(number: ($0 * 1000).rounded() / 1000) } ?? .null,
        ]
    }
}
