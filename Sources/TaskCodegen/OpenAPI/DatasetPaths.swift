import TaskAPIModel
import TaskSchema

/// `POST` and `GET /v1/datasets`, `GET` and `DELETE /v1/datasets/{id}`, `GET /v1/datasets/{id}/content`
/// and their schemas (`TaskServer`'s `DatasetRoutes`).
enum DatasetPaths {
    static var items: [String: JSONValue] {
        [
            "/v1/datasets": ["post": upload.json, "get": list.json],
            "/v1/datasets/{id}": ["get": get.json, "delete": delete.json],
            "/v1/datasets/{id}/content": ["get": content.json],
        ]
    }

    static let schemas: [String: JSONValue] = [
        "Dataset": JSONSchema.closedObject([
            "id": uuid("The dataset's id, a lowercase UUID: what a task input's `format: dataset` property holds."),
            "name": JSONSchema.scalar(.string).described("The name given at upload (`?name=`), or the writing job's."),
            "format": JSONSchema.scalar(.string).adding(["enum": ["csv", "jsonl"]]).described(
                "How its rows are written."),
            "content_type": JSONSchema.scalar(.string).described("The media type it was stored with."),
            "size": JSONSchema.scalar(.integer).adding(["minimum": 0]).described("Its length in bytes."),
            "sha256": JSONSchema.scalar(.string).adding(["pattern": "^[0-9a-f]{64}$"]).described(
                "The SHA-256 of its bytes."),
            "row_count": JSONSchema.scalar(.integer).adding(["minimum": 0]).described(
                "Data rows (the header is not one)."),
            "columns": JSONSchema.array(of: JSONSchema.ref("DatasetColumn")).described("In file order."),
            "preview": JSONSchema.array(of: JSONSchema.array(of: JSONSchema.scalar(.string, nullable: true)))
                .described("The first rows (at most 10), as text; a missing value is `null`."),
            "created_at": JSONSchema.timestamp().described("When it was stored."),
            "job_id": JSONSchema.scalar(.string, nullable: true).adding(["format": "uuid"])
                .described("The job that wrote it (a `dataset_normalize` output), or `null` for an upload."),
            "links": JSONSchema.closedObject([
                "self": JSONSchema.scalar(.string).described("`GET` the dataset."),
                "content": JSONSchema.scalar(.string).described("`GET` its bytes."),
            ]),
        ]).described("A dataset: an immutable table read once, when stored, for its profile."),
        "DatasetColumn": JSONSchema.closedObject([
            "name": JSONSchema.scalar(.string),
            "type": JSONSchema.scalar(.string)
                .adding(["enum": ["integer", "number", "boolean", "date", "date-time", "string"]])
                .described("The narrowest type every non-missing value satisfies (docs/tasks/datasets.md)."),
            "null_count": JSONSchema.scalar(.integer).adding(["minimum": 0]).described("Missing values."),
        ]).described("A column of a dataset, as its profile found it."),
        "DatasetList": JSONSchema.closedObject([
            "datasets": JSONSchema.array(of: JSONSchema.ref("Dataset")).described("Newest first."),
            "next_cursor": JSONSchema.scalar(.string, nullable: true)
                .described("Pass as `cursor` to continue the listing; `null` on the last page."),
        ]),
    ]

    /// A UUID as the server reads one (any case): what a `format: dataset` string must look like.
    static let uuidPattern = "^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$"

    /// `value` with a UUID `pattern` beside every `format: dataset`, so that clients and tools that do
    /// not know the format (it is Taskforge's) still see which strings the server accepts.
    static func withDatasetPatterns(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(var members):
            for (key, member) in members { members[key] = withDatasetPatterns(member) }
            if members["format"] == "dataset", members["pattern"] == nil { members["pattern"] = .string(uuidPattern) }
            return .object(members)
        case .array(let elements):
            return .array(elements.map(withDatasetPatterns))
        default:
            return value
        }
    }

    private static func uuid(_ description: String) -> JSONValue {
        JSONSchema.scalar(.string).adding(["format": "uuid"]).described(description)
    }

    private static let upload = Operation(
        id: "upload_dataset", tag: .datasets, summary: "Store a dataset, streamed.",
        description: "The body is the file (CSV per RFC 4180 or JSON Lines, either gzip-compressed), streamed to "
            + "disk, read once for its profile (row count, column types, null counts, a preview), then stored with "
            + "its size and SHA-256. The format comes from `Content-Type` (`text/csv`, `application/x-ndjson`), or for "
            + "`application/octet-stream` and `application/gzip` from the name's suffix. A file that cannot be read is "
            + "`422 invalid_dataset` with its line; nothing is kept. Above `TASK_MAX_DATASET_MB`, `413 body_too_large`.",
        parameters: [
            Operation.query(
                "name", ArtifactPaths.name,
                "The dataset's name (default `dataset.csv` or `dataset.jsonl`); its suffix may name the format.")
        ],
        requestBody: [
            "required": true,
            "content": [
                "text/csv": ["schema": ["type": "string"]],
                "application/x-ndjson": ["schema": ["type": "string"]],
                "application/octet-stream": [
                    "schema": ["type": "string", "contentMediaType": "application/octet-stream"]
                ],
            ],
        ],
        responses: [
            "201": Operation.jsonResponse(
                "The dataset, stored.", JSONSchema.ref("Dataset"),
                headers: [
                    "Location": ["required": true, "schema": ["type": "string"], "description": "The dataset's URL."]
                ])
        ],
        problems: [
            .datasetBadRequest, .bodyTooLarge, .datasetFormatNotSupported, .datasetUnprocessable,
            .artifactStorageFailed,
        ])

    private static let list = Operation(
        id: "list_datasets", tag: .datasets, summary: "The caller's datasets, newest first.",
        parameters: [
            Operation.query("limit", ["type": "integer", "minimum": 1, "maximum": 1000], "Page size (default 50)."),
            Operation.query("cursor", ["type": "string"], "`next_cursor` of the page before."),
        ],
        responses: ["200": Operation.jsonResponse("A page of datasets.", JSONSchema.ref("DatasetList"))],
        problems: [.invalidParameter])

    private static let get = Operation(
        id: "get_dataset", tag: .datasets, summary: "A dataset and its profile.",
        parameters: [PathParameter.datasetID.reference],
        responses: ["200": Operation.jsonResponse("The dataset.", JSONSchema.ref("Dataset"))],
        problems: [.datasetNotFound])

    private static let delete = Operation(
        id: "delete_dataset", tag: .datasets, summary: "Delete a dataset no unfinished job reads.",
        description: "Needs the `cancel` scope. The jobs that read it keep its name and SHA-256 in their lineage.",
        parameters: [PathParameter.datasetID.reference],
        responses: ["204": ["description": "Deleted, bytes and all."]],
        problems: [.datasetNotFound, .datasetInUse])

    private static let content = Operation(
        id: "download_dataset", tag: .datasets, summary: "Download a dataset's bytes.",
        description: "As `GET /v1/artifacts/{id}`: streamed from local storage, or `302` to a presigned link on S3.",
        parameters: [PathParameter.datasetID.reference],
        responses: [
            "200": ["description": "The dataset's bytes, with its `Content-Type`.", "content": ["*/*": [:]]],
            "302": [
                "description": "S3 storage: the bytes are at the presigned link in `Location`.",
                "headers": ["Location": ["required": true, "schema": ["type": "string", "format": "uri"]]],
            ],
        ],
        problems: [.datasetNotFound, .artifactStorageFailed])
}
