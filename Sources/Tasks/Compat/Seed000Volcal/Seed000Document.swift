import TaskRuntime

/// Seed 000's routes in the OpenAPI document.
enum Seed000Document {
    static var paths: [String: JSONValue] {
        let taskID = CompatSupport.pathParameter("task_id", "The task id `POST /create_task` answered (a job id).")
        return [
            "/create_task": [
                "post": CompatSupport.operation(
                    "seed000_create_task",
                    "Create a volcal task waiting for its files; answers its id and a tus upload URL per file.",
                    body: ["$ref": "#/components/schemas/VolcalInput"], bodyRequired: false,
                    problems: ["400": "SubmitBadRequest", "422": "SubmitUnprocessable", "429": "TooManyRequests"])
            ],
            "/start_task/{task_id}": [
                "post": CompatSupport.operation(
                    "seed000_start_task", "Start the task once its files are uploaded (done already if they all are).",
                    parameters: [taskID], problems: ["404": "JobNotFound", "409": "JobNotStartable"])
            ],
            "/query_task/{task_id}": [
                "get": CompatSupport.operation(
                    "seed000_query_task",
                    "The task's status (waiting, pending, running, done, error, killed) and, when done, its results.",
                    parameters: [taskID], problems: ["404": "JobNotFound"])
            ],
        ]
    }
}
