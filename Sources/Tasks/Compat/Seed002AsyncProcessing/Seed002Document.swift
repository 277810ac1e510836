import TaskRuntime

/// Seed 002's routes in the OpenAPI document.
enum Seed002Document {
    static var paths: [String: JSONValue] {
        let datasetID = CompatSupport.pathParameter("dataset_id", "The dataset id `POST /datasets` answered.")
        let jobID = CompatSupport.pathParameter("job_id", "The job id `POST /jobs` answered.")
        let submission: JSONValue = [
            "type": "object", "required": ["dataset_id", "type"], "additionalProperties": false,
            "properties": [
                "dataset_id": ["type": "string", "format": "uuid", "description": "The dataset to process."],
                "type": [
                    "type": "string", "enum": ["anomaly_detection", "metrics", "normalization"],
                    "description":
                        "metrics: `dataset_metrics`; normalization: `dataset_normalize`; anomaly_detection: `dataset_anomalies`.",
                ],
                "params": [
                    "type": "object",
                    "description": "The task's input besides the dataset (normalization: `method`, `columns`, ...).",
                ],
            ],
        ]
        var upload = CompatSupport.operation(
            "seed002_create_dataset", "Upload a dataset (the body is the file; `?name=`), as `POST /v1/datasets`.",
            status: "201", description: "The dataset, stored and profiled.",
            parameters: [
                CompatSupport.queryParameter(
                    "name", "The dataset's name; its suffix may name the format.", required: false)
            ],
            problems: [
                "400": "DatasetBadRequest", "413": "BodyTooLarge", "415": "DatasetFormatNotSupported",
                "422": "DatasetUnprocessable", "503": "ArtifactStorageFailed",
            ])
        if case .object(var members) = upload {
            members["requestBody"] = [
                "required": true,
                "content": [
                    "text/csv": ["schema": ["type": "string"]], "application/x-ndjson": ["schema": ["type": "string"]],
                    "application/octet-stream": ["schema": ["type": "string"]],
                ],
            ]
            upload = .object(members)
        }
        return [
            "/datasets": ["post": upload],
            "/datasets/{dataset_id}": [
                "get": CompatSupport.operation(
                    "seed002_get_dataset", "A dataset: name, size, SHA-256, rows, columns with their types, a preview.",
                    parameters: [datasetID], problems: ["404": "DatasetNotFound"])
            ],
            "/jobs": [
                "post": CompatSupport.operation(
                    "seed002_create_job", "Create a processing job on a dataset: {dataset_id, type, params}.",
                    status: "201", description: "The job, queued.", body: submission,
                    problems: [
                        "400": "SubmitBadRequest", "404": "DatasetNotFound", "413": "BodyTooLarge",
                        "422": "SubmitUnprocessable", "429": "TooManyRequests",
                    ])
            ],
            "/jobs/{job_id}": [
                "get": CompatSupport.operation(
                    "seed002_get_job", "A job: pending, running, completed, failed or cancelled, with its events.",
                    parameters: [jobID], problems: ["404": "JobNotFound"])
            ],
            "/jobs/{job_id}/result": [
                "get": CompatSupport.operation(
                    "seed002_get_job_result", "The result's URI (presigned when artifacts live in S3).",
                    parameters: [jobID], problems: ["404": "JobNotFound", "409": "ResultNotReady"])
            ],
            "/jobs/{job_id}/cancel": [
                "post": CompatSupport.operation(
                    "seed002_cancel_job", "Cancel a job, even while it runs.", parameters: [jobID],
                    problems: ["404": "JobNotFound", "409": "JobFinished"])
            ],
        ]
    }
}
