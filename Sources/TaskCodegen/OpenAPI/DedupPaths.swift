import TaskAPIModel
import TaskSchema

/// `GET /v1/dedup/{name}` and its schema, `DedupStatus` (`TaskServer`'s `DedupRoutes`).
enum DedupPaths {
    static var items: [String: JSONValue] {
        ["/v1/dedup/{name}": ["get": lookup.json]]
    }

    static let schemas: [String: JSONValue] = [
        "DedupStatus": JSONSchema.closedObject([
            "version": JSONSchema.scalar(.integer).adding(["minimum": 1]).described(
                "The version whose keys were looked up."),
            "key": JSONValue.object(["type": "object"]).described(
                "The key fields, defaults applied, as the key was made from them."),
            "dedup_key": JSONSchema.scalar(.string).described(
                "The dedup key: hex SHA-256 of task, version and key fields."),
            "processed": JSONSchema.scalar(.boolean).described("A job with the key succeeded (and is still kept)."),
            "processed_at": JSONSchema.timestamp(nullable: true).described("When the newest of them finished."),
            "reusable_until": JSONSchema.timestamp(nullable: true)
                .described("Until when a submission with the key gets that job back (`reuse_result_for`)."),
            "succeeded_job": JSONSchema.nullableRef("Job").described("The newest job with the key that succeeded."),
            "latest_job": JSONSchema.nullableRef("Job").described("The newest job with the key, in any state."),
        ]).described("Whether a submission with these key fields has been processed, and its latest run.")
    ]

    private static let lookup = Operation(
        id: "get_dedup_status", tag: .jobs, summary: "Has this been processed? The jobs behind one dedup key.",
        description:
            "For a task that declares `dedup`: pass its key fields as query parameters (`?dataset=a&date=2026-01-31`; "
            + "arrays and objects as JSON). A field left out takes its default, else `null`, as in a submission. "
            + "Finished jobs are kept for the retention period (7 days by default).",
        parameters: [
            PathParameter.taskName.reference,
            Operation.query(
                "version", ["type": "integer", "minimum": 1],
                "The version whose keys to look up; the current one by default."),
            [
                "name": "fields", "in": "query", "required": false, "style": "form", "explode": true,
                "schema": ["type": "object", "additionalProperties": ["type": "string"]],
                "description": "The task's dedup key fields, each as its own query parameter.",
            ],
        ],
        responses: ["200": Operation.jsonResponse("The jobs behind the key.", JSONSchema.ref("DedupStatus"))],
        problems: [.invalidParameter, .dedupNotFound])
}
