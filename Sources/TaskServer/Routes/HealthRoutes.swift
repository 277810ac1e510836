import Hummingbird
import TaskRuntime

/// `GET /healthz` (the process answers) and `GET /readyz` (the store answers too).
struct HealthRoutes {
    let operations: TaskOperations

    func register(on router: Router<TaskRequestContext>) {
        router.get("/healthz") { _, _ in
            Response.json(["status": "ok"])
        }
        router.get("/readyz") { _, context in
            try await operations.checkReadiness(context: context)
            return Response.json(["status": "ready"])
        }
    }
}
