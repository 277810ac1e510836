import Hummingbird
import TaskRuntime

/// `GET /healthz` (the process answers) and `GET /readyz` (the store answers too).
struct HealthRoutes {
    let store: any JobStore

    func register(on router: Router<TaskRequestContext>) {
        router.get("/healthz") { _, _ in
            Response.json(["status": "ok"])
        }
        router.get("/readyz") { _, context in
            do {
                _ = try await store.jobs(matching: JobQuery(limit: 1))
                return Response.json(["status": "ready"])
            } catch {
                context.logger.error("readiness check failed", metadata: ["error": "\(error)"])
                throw Problem(.serviceUnavailable, .storeUnavailable, "the job store does not answer")
            }
        }
    }
}
