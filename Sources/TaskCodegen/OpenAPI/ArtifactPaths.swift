import TaskAPIModel
import TaskSchema

/// `POST /v1/artifacts`, `GET /v1/artifacts/{id}`, `GET /v1/artifacts/{id}/meta` and their schemas
/// (`TaskServer`'s `ArtifactRoutes`).
enum ArtifactPaths {
    static var items: [String: JSONValue] {
        [
            "/v1/artifacts": ["post": upload.json],
            "/v1/artifacts/{id}": ["get": download.json],
            "/v1/artifacts/{id}/meta": ["get": meta.json],
        ]
    }

    static let schemas: [String: JSONValue] = [
        "Artifact": JSONSchema.closedObject(artifactProperties).described("A stored artifact."),
        "ArtifactMeta": JSONSchema.closedObject(
            artifactProperties.merging([
                "storage_key": JSONSchema.scalar(.string)
                    .described("Where the artifact store keeps the bytes, relative to its root (made from the id)."),
                "producer": JSONSchema.nullableRef("ArtifactProducer")
                    .described("The attempt that wrote it; `null` for an artifact uploaded on its own."),
                "inputs": JSONSchema.scalar(.object, nullable: true).adding([
                    "properties": [
                        "input": JSONSchema.anyValue.described("The producing job's input, as stored."),
                        "input_sha256": JSONSchema.scalar(.string).adding(["pattern": "^[0-9a-f]{64}$"])
                            .described("The SHA-256 of the input's canonical JSON (sorted keys, compact)."),
                        "job": JSONSchema.scalar(.string).described("`GET` the producing job."),
                        "files": JSONSchema.array(
                            of: JSONSchema.closedObject([
                                "name": JSONSchema.scalar(.string).described("The declared file name."),
                                "size": JSONSchema.scalar(.integer, nullable: true),
                                "sha256": JSONSchema.scalar(.string, nullable: true).described(
                                    "The hex SHA-256 of the uploaded bytes."),
                                "artifact": JSONSchema.scalar(.string, nullable: true).described(
                                    "`GET` the uploaded bytes."),
                            ])
                        ).described("The producing job's uploaded input files (a task with `files`)."),
                    ],
                    "required": ["input", "input_sha256", "job", "files"],
                    "additionalProperties": false,
                ]).described("What the job was given; `null` without a producer or once the job was pruned."),
            ]) { _, new in new }
        ).described("An artifact with its lineage: which job, attempt, task version and input produced it."),
        "ArtifactProducer": JSONSchema.closedObject([
            "job_id": uuid("The job that wrote it."),
            "attempt": JSONSchema.scalar(.integer).adding(["minimum": 0])
                .described("The attempt (of the stage) that wrote it; 0 when attached to a job that had not started."),
            "task": JSONSchema.scalar(.string).described("The job's task."),
            "task_version": JSONSchema.scalar(.integer).adding(["minimum": 1]).described("The job's task version."),
            "stage": JSONSchema.scalar(.string, nullable: true).described(
                "The stage that wrote it, for a multi-stage task."),
        ]).described("The lineage of an artifact."),
        "ArtifactUpload": [
            "type": "object",
            // `null` counts as absent, as the seed services' clients send it.
            "properties": [
                "job_id": nullable(uuid("Attach the artifact to this job (before `?job_id=`).")),
                "task_id": nullable(uuid("The same as `job_id` (the seed services' name).")),
                "name": nullable(name.described("The artifact's name; default `type`, then `artifact`.")),
                "type": nullable(name.described("The seed services' name for `name`.")),
                "content_type": nullable(contentType.described("Default `application/octet-stream`.")),
                "data_base64": JSONSchema.scalar(.string)
                    .adding([
                        "contentEncoding": "base64",
                        "pattern": "^([A-Za-z0-9+/]{4})*([A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$",
                    ])
                    .described("The bytes, in standard padded base64 without line breaks."),
            ],
            "required": ["data_base64"],
            "additionalProperties": false,
            "description": "The JSON form of an upload, for small artifacts: the bytes in base64.",
        ],
    ]

    private static let artifactProperties: [String: JSONValue] = [
        "id": uuid("The artifact's id, a lowercase UUID."),
        "name": name,
        "content_type": contentType,
        "size": JSONSchema.scalar(.integer).adding(["minimum": 0]).described("Its length in bytes."),
        "sha256": JSONSchema.scalar(.string).adding(["pattern": "^[0-9a-f]{64}$"]).described(
            "The SHA-256 of its bytes."),
        "created_at": JSONSchema.timestamp().described("When it was stored."),
        "job_id": JSONSchema.scalar(.string, nullable: true).adding(["format": "uuid"])
            .described("The job that wrote it, or `null`."),
        "links": JSONSchema.closedObject([
            "self": JSONSchema.scalar(.string).described("`GET` the bytes."),
            "meta": JSONSchema.scalar(.string).described("`GET` the lineage."),
        ]),
    ]

    /// ``ArtifactName``'s rules: no `/`, `\`, control character (Unicode category Cc), and not `.` or `..`.
    static let name = JSONSchema.scalar(.string)
        .adding([
            "minLength": 1, "maxLength": 255,
            "pattern": .string(
                "^(\(nameStart)\(nameCharacter)*|\\.\(nameStart)\(nameCharacter)*|\\.\\.\(nameCharacter)+)$"),
        ])
        .described("1 to 255 characters, no `/`, `\\`, control characters, `.` or `..`; never part of a storage path.")
    /// A character a name may hold, and one it may start with (not `.`: see the pattern's alternatives).
    private static let nameCharacter = #"[^/\\\u0000-\u001f\u007f-\u009f]"#
    private static let nameStart = #"[^./\\\u0000-\u001f\u007f-\u009f]"#

    /// The media types an artifact may be recorded with (`TaskServer`'s `ArtifactUploadParameters`).
    private static let contentType = JSONSchema.scalar(.string)
        .adding(["maxLength": 255, "pattern": #"^[A-Za-z0-9!#$&^_.+-]+/[A-Za-z0-9!#$&^_.+-]+( *;[ -~]*)?$"#])
        .described("A media type like `text/csv`.")

    /// `schema`, or `null`.
    private static func nullable(_ schema: JSONValue) -> JSONValue {
        ["anyOf": [schema, ["type": "null"]]]
    }

    private static func uuid(_ description: String) -> JSONValue {
        JSONSchema.scalar(.string).adding(["format": "uuid"]).described(description)
    }

    private static let upload = Operation(
        id: "upload_artifact", tag: .artifacts, summary: "Store an artifact, streamed.",
        description: "The body is the artifact's bytes (any `Content-Type`, which is recorded), streamed into storage, "
            + "except that a `Content-Type: application/json` body without `?name=` is the JSON form. Above "
            + "`TASK_MAX_ARTIFACT_MB` the upload stops with `413 artifact_size_exceeded` and nothing is kept.",
        parameters: [
            Operation.query("name", name, "The artifact's name (the raw form; default `artifact`)."),
            Operation.query(
                "job_id", ["type": "string", "format": "uuid"], "Attach the artifact to this job (either form)."),
        ],
        requestBody: [
            "required": false,
            "description": "Without a body, the artifact is empty (zero bytes).",
            "content": [
                "application/octet-stream": [
                    "schema": ["type": "string", "contentMediaType": "application/octet-stream"]
                ],
                "application/json": ["schema": JSONSchema.ref("ArtifactUpload")],
            ],
        ],
        responses: [
            "201": Operation.jsonResponse(
                "The artifact, stored.", JSONSchema.ref("Artifact"),
                headers: [
                    "Location": ["required": true, "schema": ["type": "string"], "description": "The artifact's URL."]
                ])
        ],
        problems: [
            .artifactUploadBadRequest, .jobNotFound, .artifactTooLarge, .artifactUnprocessable, .artifactStorageFailed,
        ])

    private static let download = Operation(
        id: "download_artifact", tag: .artifacts, summary: "Download an artifact's bytes.",
        description: "From local storage the bytes are streamed with `Content-Disposition: attachment`. From S3 the "
            + "answer is `302` to a presigned link that works without credentials until it expires.",
        parameters: [PathParameter.artifactID.reference],
        responses: [
            "200": [
                "description": "The artifact's bytes, with its `Content-Type`.",
                // Any media type, as recorded at upload: the bytes are not described by a schema.
                "content": ["*/*": [:]],
            ],
            "302": [
                "description": "S3 storage: the bytes are at the presigned link in `Location`.",
                "headers": ["Location": ["required": true, "schema": ["type": "string", "format": "uri"]]],
            ],
        ],
        problems: [.artifactNotFound, .artifactStorageFailed])

    private static let meta = Operation(
        id: "get_artifact_meta", tag: .artifacts, summary: "An artifact's metadata and lineage.",
        parameters: [PathParameter.artifactID.reference],
        responses: [
            "200": Operation.jsonResponse("The artifact and what produced it.", JSONSchema.ref("ArtifactMeta"))
        ],
        problems: [.artifactNotFound])
}
