import TaskAPIModel
import TaskSchema

/// The error responses, each an `application/problem+json` body under `#/components/responses`.
enum ProblemResponse: String, CaseIterable {
    case submitBadRequest = "SubmitBadRequest"
    case invalidParameter = "InvalidParameter"
    case taskNotFound = "TaskNotFound"
    case taskVersionNotFound = "TaskVersionNotFound"
    case jobNotFound = "JobNotFound"
    case jobFinished = "JobFinished"
    case jobNotRetryable = "JobNotRetryable"
    case jobNotStartable = "JobNotStartable"
    case taskVersionRetired = "TaskVersionRetired"
    case bodyTooLarge = "BodyTooLarge"
    case invalidInput = "InvalidInput"
    case submitUnprocessable = "SubmitUnprocessable"
    case idempotencyKeyInProgress = "IdempotencyKeyInProgress"
    case dedupNotFound = "DedupNotFound"
    case storeUnavailable = "StoreUnavailable"
    case unauthorized = "Unauthorized"
    case forbidden = "Forbidden"
    case tooManyRequests = "TooManyRequests"
    case taskUnavailable = "TaskUnavailable"
    case artifactUploadBadRequest = "ArtifactUploadBadRequest"
    case artifactNotFound = "ArtifactNotFound"
    case artifactTooLarge = "ArtifactTooLarge"
    case artifactUnprocessable = "ArtifactUnprocessable"
    case artifactStorageFailed = "ArtifactStorageFailed"
    case uploadBadRequest = "UploadBadRequest"
    case uploadNotFound = "UploadNotFound"
    case uploadOffsetMismatch = "UploadOffsetMismatch"
    case uploadExpired = "UploadExpired"
    case tusVersionUnsupported = "TusVersionUnsupported"
    case uploadTooLarge = "UploadTooLarge"
    case unsupportedMediaType = "UnsupportedMediaType"
    case uploadLocked = "UploadLocked"
    case checksumMismatch = "ChecksumMismatch"
    case uploadStorageFailed = "UploadStorageFailed"
    case submitNotFound = "SubmitNotFound"
    case datasetNotFound = "DatasetNotFound"
    case datasetInUse = "DatasetInUse"
    case datasetUnprocessable = "DatasetUnprocessable"
    case datasetFormatNotSupported = "DatasetFormatNotSupported"
    case datasetBadRequest = "DatasetBadRequest"
    case resultNotReady = "ResultNotReady"
    case queueNotFound = "QueueNotFound"
    case unexpected = "UnexpectedError"

    /// The responses every operation declares.
    static let sharedByEveryOperation: [ProblemResponse] = [.unexpected]

    /// The responses every operation behind API tokens declares besides.
    static let sharedByAuthenticatedOperations: [ProblemResponse] = [.unauthorized, .forbidden]

    /// The response's key in an operation's `responses`.
    var status: String {
        switch self {
        case .submitBadRequest, .invalidParameter, .artifactUploadBadRequest, .uploadBadRequest, .datasetBadRequest:
            "400"
        case .taskNotFound, .taskVersionNotFound, .jobNotFound, .dedupNotFound, .artifactNotFound, .uploadNotFound,
            .submitNotFound, .datasetNotFound, .queueNotFound:
            "404"
        case .jobFinished, .jobNotRetryable, .jobNotStartable, .idempotencyKeyInProgress, .uploadOffsetMismatch,
            .datasetInUse, .resultNotReady:
            "409"
        case .taskVersionRetired, .uploadExpired: "410"
        case .tusVersionUnsupported: "412"
        case .bodyTooLarge, .artifactTooLarge, .uploadTooLarge: "413"
        case .unsupportedMediaType, .datasetFormatNotSupported: "415"
        case .invalidInput, .submitUnprocessable, .artifactUnprocessable, .datasetUnprocessable: "422"
        case .uploadLocked: "423"
        case .checksumMismatch: "460"
        case .storeUnavailable, .taskUnavailable, .artifactStorageFailed, .uploadStorageFailed: "503"
        case .unauthorized: "401"
        case .forbidden: "403"
        case .tooManyRequests: "429"
        case .unexpected: "default"
        }
    }

    var reference: JSONValue {
        ["$ref": .string("#/components/responses/" + rawValue)]
    }

    static var components: [String: JSONValue] {
        Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0.json) })
    }

    private var json: JSONValue {
        [
            "description": .string(description),
            "content": ["application/problem+json": ["schema": JSONSchema.ref(schema)]],
        ]
    }

    private var schema: String {
        switch self {
        case .invalidInput, .artifactUnprocessable: "ValidationProblem"
        case .submitUnprocessable: "SubmitProblem"
        case .jobFinished, .jobNotRetryable, .jobNotStartable: "JobStateProblem"
        case .datasetUnprocessable: "DatasetProblem"
        default: "Problem"
        }
    }

    private var description: String {
        switch self {
        case .submitBadRequest:
            "`invalid_json`: the body is empty or not well-formed JSON; `invalid_parameter`: `version`, `priority`, `delay` or `run_at` is malformed, or both `delay` and `run_at` are given, and `parameter` names it; or `invalid_idempotency_key`: the `Idempotency-Key` header is malformed."
        case .invalidParameter: "`invalid_parameter`: a query parameter is malformed; `parameter` names it."
        case .taskNotFound: "`task_not_found`: no task has that name."
        case .taskVersionNotFound: "`task_version_not_found`: the task never had the pinned `version`."
        case .submitNotFound:
            "`task_version_not_found`: the task never had the pinned `version`; or `dataset_not_found`: a dataset the "
                + "input names does not exist or is another principal's, and `pointer` is where the input names it."
        case .datasetNotFound: "`dataset_not_found`: no dataset has that id (or it is another principal's)."
        case .datasetInUse:
            "`dataset_in_use`: unfinished (`waiting`, `pending` or `running`) jobs read the dataset, and `jobs` lists "
                + "them; cancel them or wait for them before deleting it."
        case .datasetUnprocessable:
            "`invalid_dataset`: the file cannot be read as its format (a ragged row, an unterminated quote, invalid "
                + "UTF-8, a nested JSON value, no rows, ...): `dataset_code` says which, `line` where, `reason` why; "
                + "nothing was stored."
        case .datasetFormatNotSupported:
            "`dataset_format_not_supported`: the `Content-Type` or the name names a format Taskforge does not read "
                + "(Parquet, Excel, ...), and `supported` lists those it does; nothing was stored."
        case .resultNotReady:
            "`result_not_ready`: the job has not completed (an application route that answers a job's result); `status` says where it is."
        case .datasetBadRequest:
            "`invalid_parameter`: `name` or the `Content-Type` header is malformed, and `parameter` or `header` names it."
        case .jobNotFound: "`job_not_found`: no job has that id."
        case .queueNotFound: "`queue_not_found`: no task uses the queue and no job or live worker is on it."
        case .jobFinished: "`job_finished`: the job already finished; `job` holds it."
        case .jobNotRetryable: "`job_not_retryable`: the job is not failed, cancelled or quarantined; `job` holds it."
        case .jobNotStartable:
            "`files_missing`: required files are not uploaded yet, `missing` lists them; or `job_not_waiting`: the job "
                + "does not wait for files; `job` holds it."
        case .taskVersionRetired: "`task_version_retired`: the task no longer accepts the pinned `version`."
        case .bodyTooLarge: "`body_too_large`: the body is larger than the server accepts."
        case .invalidInput: "`invalid_input`: the input breaks the task's schema; `violations` lists every failure."
        case .submitUnprocessable:
            "`invalid_input`: the input breaks the task's schema, and `violations` lists every failure; or "
                + "`task_rejected_invalid_params`: the task refused parameters its schema accepts (an allowlist of this "
                + "deployment), and `violations` points at each; or "
                + "`idempotency_key_reused`: the `Idempotency-Key` was used for a different request (`job_id` is its job)."
        case .idempotencyKeyInProgress:
            "`idempotency_key_in_progress`: the first request with this `Idempotency-Key` is still being processed; retry after `Retry-After` seconds."
        case .artifactUploadBadRequest:
            "`invalid_parameter`: `name` is missing or malformed (`parameter` names it); `invalid_artifact`: the "
                + "`Content-Type` is not a media type; or `invalid_json`: the JSON form is not well-formed JSON."
        case .artifactNotFound: "`artifact_not_found`: no artifact has that id."
        case .artifactTooLarge:
            "`artifact_size_exceeded`: the artifact is larger than `TASK_MAX_ARTIFACT_MB` (`max_bytes`); nothing was stored."
        case .artifactUnprocessable:
            "`invalid_artifact`: the JSON form is malformed; `violations` lists every failure by JSON pointer."
        case .artifactStorageFailed: "`artifact_storage_failed`: the artifact store (local files or S3) failed."
        case .uploadBadRequest:
            "`invalid_upload_header`: `Upload-Length`, `Upload-Offset` or `Upload-Checksum` is missing or malformed, or "
                + "`Upload-Defer-Length` was sent (`header` names it); `invalid_upload_metadata`: `Upload-Metadata` is "
                + "malformed; or `checksum_algorithm_unsupported`: `Upload-Checksum` names neither `sha1` nor `sha256`."
        case .uploadNotFound: "`upload_not_found`: no upload has that id (or it is another principal's)."
        case .uploadOffsetMismatch:
            "`upload_offset_mismatch`: `Upload-Offset` is not the upload's offset, which the `Upload-Offset` header and `offset` hold."
        case .uploadExpired: "`upload_expired`: the upload expired before it completed."
        case .tusVersionUnsupported:
            "`tus_version_unsupported`: `Tus-Resumable` is missing or not `1.0.0`; `Tus-Version` lists the supported versions."
        case .uploadTooLarge:
            "`upload_too_large`: `Upload-Length` is above the upload's limit (`max_bytes`), or the chunk would pass "
                + "`Upload-Length`; nothing of it was kept."
        case .unsupportedMediaType:
            "`unsupported_media_type`: the chunk's `Content-Type` is not `application/offset+octet-stream`."
        case .uploadLocked: "`upload_locked`: another request on the same upload is still in progress; try again."
        case .checksumMismatch:
            "`checksum_mismatch`: the chunk's digest differs from `Upload-Checksum`; it was discarded."
        case .uploadStorageFailed: "`upload_storage_failed`: the upload staging directory failed."
        case .dedupNotFound:
            "`task_not_found`: no task has that name; or `dedup_not_declared`: the task declares no `dedup`."
        case .storeUnavailable: "`store_unavailable`: the job store does not answer."
        case .unauthorized:
            "`authentication_required`: the server requires API tokens and the request has none; or `invalid_token`: the token is malformed, unknown, revoked or expired. `WWW-Authenticate` carries the Bearer challenge."
        case .tooManyRequests:
            "`rate_limit_exceeded`: the principal submitted more jobs than `TASKS_PER_MINUTE` allows; `Retry-After` says when to try again, `RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset` describe the limit."
        case .forbidden:
            "`insufficient_scope`: the token lacks the scope (or the task) the request needs; `scope` names it."
        case .taskUnavailable:
            "`provider_not_configured`: the provider the task needs is not configured on this server (an API key is missing); nothing was queued."
        case .unexpected: "Any other error, such as `internal_error` (500) or `request_rejected`."
        }
    }
}
