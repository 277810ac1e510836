import TaskSchema

/// The tus 1.0.0 upload routes (`TaskServer`'s `UploadRoutes`, docs/uploads.md): creation at
/// `/v1/uploads` and `/v1/jobs/{id}/files/{name}`, then `HEAD`, `PATCH` and `DELETE` of the upload.
enum UploadPaths {
    static var items: [String: JSONValue] {
        [
            "/v1/uploads": ["options": options.json, "post": create.json],
            "/v1/uploads/{id}": ["head": head.json, "patch": patch.json, "delete": terminate.json],
            "/v1/jobs/{id}/files/{name}": ["post": createForJob.json],
        ]
    }

    private static let uploadID: JSONValue = [
        "name": "id", "in": "path", "required": true,
        "description": "The upload's id: 32 lowercase hex digits. Anything else names no upload (404).",
        "schema": ["type": "string", "pattern": "^[0-9a-f]{32}$"],
    ]

    private static func header(_ name: String, required: Bool, _ schema: JSONValue, _ description: String) -> JSONValue
    {
        [
            "name": .string(name), "in": "header", "required": .bool(required), "schema": schema,
            "description": .string(description),
        ]
    }

    private static let tusResumable = header(
        "Tus-Resumable", required: true, ["type": "string", "const": "1.0.0"],
        "The tus version the client speaks; anything but `1.0.0` is `412 tus_version_unsupported`.")
    private static let count: JSONValue = ["type": "string", "pattern": "^[0-9]+$"]

    private static func responseHeader(_ description: String) -> JSONValue {
        ["schema": ["type": "string"], "description": .string(description)]
    }

    private static let tusHeaders: [String: JSONValue] = [
        "Tus-Resumable": responseHeader("`1.0.0`, on every answer."),
        "Upload-Offset": responseHeader("The bytes received so far."),
        "Upload-Expires": responseHeader("When the upload expires unless it completed (RFC 9110 date)."),
    ]

    private static let chunkBody: JSONValue = [
        "required": false,
        "content": ["application/offset+octet-stream": [:]],  // any bytes: no schema describes them
    ]

    /// `Upload-Checksum`: an offered algorithm and a base64 digest of its size.
    private static let checksum: JSONValue = [
        "type": "string", "pattern": "^(sha1 [A-Za-z0-9+/]{27}=|sha256 [A-Za-z0-9+/]{43}=)$",
    ]

    private static let creationParameters = [
        tusResumable,
        header(
            "Upload-Length", required: true, count, "The upload's total size in bytes; deferred length is not offered."),
        header(
            "Upload-Metadata", required: false, ["type": "string"],
            "Comma-separated `key base64value` pairs (a key alone has an empty value), unique keys."),
        header(
            "Upload-Checksum", required: false, checksum,
            "creation-with-upload: `sha1 <base64>` or `sha256 <base64>` of the body."),
    ]

    /// `201` of a creation; `datasetLink` adds the `Link` a dataset upload answers with.
    private static func creationResponse(datasetLink: Bool = false) -> JSONValue {
        var headers = tusHeaders.merging(["Location": responseHeader("The upload's URL, `/v1/uploads/<id>`.")]) { $1 }
        if datasetLink {
            headers["Link"] = responseHeader(
                "A dataset upload: `</v1/datasets/<id>>; rel=\"related\"`, the dataset it becomes.")
        }
        return [
            "description":
                "The upload exists at `Location`; with a body (creation-with-upload), `Upload-Offset` says how much of it was stored.",
            "headers": .object(headers),
        ]
    }

    private static let creationProblems: [ProblemResponse] = [
        .uploadBadRequest, .tusVersionUnsupported, .uploadTooLarge, .checksumMismatch, .uploadStorageFailed,
    ]

    private static let options = Operation(
        id: "get_upload_options", tag: .uploads, summary: "What the tus server offers.",
        responses: [
            "204": [
                "description": "The tus version, extensions, checksum algorithms and size limit.",
                "headers": [
                    "Tus-Version": responseHeader("`1.0.0`."),
                    "Tus-Extension": responseHeader("`creation,creation-with-upload,termination,expiration,checksum`."),
                    "Tus-Checksum-Algorithm": responseHeader("`sha1,sha256`."),
                    "Tus-Max-Size": responseHeader(
                        "The largest `Upload-Length` accepted, when the server has a limit."),
                ],
            ]
        ])

    private static let create = Operation(
        id: "create_upload", tag: .uploads, summary: "Create a tus upload (creation, creation-with-upload).",
        description: "The upload is admitted for what its metadata names before any byte is stored: a job's file "
            + "(`job_id` and `file`), or a dataset (`dataset`: its name; `filetype`: its media type), whose creation "
            + "answers `Link: </v1/datasets/{id}>; rel=\"related\"` where it appears once its last byte arrived and it "
            + "was read for its profile. A body with `Content-Type: application/offset+octet-stream` is its first chunk.",
        parameters: creationParameters, requestBody: chunkBody,
        responses: ["201": creationResponse(datasetLink: true)],
        problems: creationProblems + [.datasetFormatNotSupported])

    private static let createForJob = Operation(
        id: "create_job_file_upload", tag: .uploads, summary: "Create the tus upload of one of a job's files.",
        description: "The same as `POST /v1/uploads` with the metadata `job_id` and `file` taken from the path: the "
            + "upload URL a job lists for each file it waits for. Give it to any tus client.",
        parameters: [
            PathParameter.jobID.reference,
            [
                "name": "name", "in": "path", "required": true,
                "description": "The file's name, as the task declares it.",
                "schema": ["type": "string", "minLength": 1],
            ],
        ] + creationParameters,
        requestBody: chunkBody, responses: ["201": creationResponse()], problems: creationProblems)

    private static let head = Operation(
        id: "get_upload_offset", tag: .uploads, summary: "An upload's offset, to resume it.",
        parameters: [uploadID, tusResumable],
        responses: [
            "200": [
                "description":
                    "No body; `Upload-Offset`, `Upload-Length`, `Upload-Metadata` (as sent), `Upload-Expires`, `Cache-Control: no-store`.",
                "headers": .object(
                    tusHeaders.merging([
                        "Upload-Length": responseHeader("The upload's total size."),
                        "Upload-Metadata": responseHeader("The metadata as the client sent it."),
                    ]) { $1 }),
            ]
        ],
        problems: [.uploadNotFound, .uploadExpired, .tusVersionUnsupported, .uploadLocked, .uploadStorageFailed])

    private static let patch = Operation(
        id: "append_upload_chunk", tag: .uploads, summary: "Send a chunk of an upload at its offset.",
        description: "Bytes are written as they arrive; a chunk that breaks off keeps what arrived unless it had a "
            + "checksum. The upload completes with its last byte.",
        parameters: [
            uploadID, tusResumable,
            header("Upload-Offset", required: true, count, "The upload's current offset (`HEAD`)."),
            header("Upload-Checksum", required: false, checksum, "`sha1 <base64>` or `sha256 <base64>` of the chunk."),
        ],
        requestBody: [
            "required": true,
            "content": ["application/offset+octet-stream": [:]],  // any bytes: no schema describes them
        ],
        responses: [
            "204": [
                "description": "The chunk is stored; `Upload-Offset` is the new offset.",
                "headers": .object(tusHeaders),
            ]
        ],
        problems: [
            .uploadBadRequest, .uploadNotFound, .uploadOffsetMismatch, .uploadExpired, .tusVersionUnsupported,
            .uploadTooLarge, .unsupportedMediaType, .uploadLocked, .checksumMismatch, .uploadStorageFailed,
            .datasetUnprocessable,
        ])

    private static let terminate = Operation(
        id: "terminate_upload", tag: .uploads, summary: "Terminate an upload: its staged bytes are removed.",
        parameters: [uploadID, tusResumable],
        responses: [
            "204": ["description": "The upload is gone.", "headers": ["Tus-Resumable": responseHeader("`1.0.0`.")]]
        ],
        problems: [.uploadNotFound, .uploadExpired, .tusVersionUnsupported, .uploadLocked, .uploadStorageFailed])
}
