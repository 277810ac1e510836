import TaskRuntime

/// Seed 001's routes in the OpenAPI document.
enum Seed001Document {
    static var paths: [String: JSONValue] {
        [
            "/api/task/{task_id}": [
                "get": CompatSupport.operation(
                    "seed001_get_task",
                    "An aod_estimation task: data_processing, model_prediction, completed or failed, with its stages.",
                    parameters: [CompatSupport.pathParameter("task_id", "The job id `POST /api/run-model` answered.")],
                    problems: ["404": "JobNotFound"])
            ],
            "/api/tasks": [
                "get": CompatSupport.operation(
                    "seed001_list_tasks",
                    "Every aod_estimation task: status, creation date, bounding-box count, model type, stages.")
            ],
            "/api/health": [
                "get": CompatSupport.operation(
                    "seed001_health", "Whether the server and its job store answer.",
                    problems: ["503": "StoreUnavailable"],
                    public: true)
            ],
            "/api/queues/status": [
                "get": CompatSupport.operation(
                    "seed001_queue_status", "Each queue's queued, scheduled and started jobs and its workers.")
            ],
        ]
    }
}
