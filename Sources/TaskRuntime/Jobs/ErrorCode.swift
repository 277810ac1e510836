/// A stable, machine-readable, snake_case error code, shared by job errors and HTTP problems.
///
/// Every code the project emits is declared here and documented in `docs/errors.md`.
public struct ErrorCode: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    // Submission and HTTP
    /// The request body is not well-formed JSON.
    public static let invalidJSON: ErrorCode = "invalid_json"
    /// The input does not satisfy the task's schema; `violations` lists each failing field.
    public static let invalidInput: ErrorCode = "invalid_input"
    /// A request parameter (query string, path) is malformed.
    public static let invalidParameter: ErrorCode = "invalid_parameter"
    /// No task with that name (or version).
    public static let taskNotFound: ErrorCode = "task_not_found"
    /// No job with that id.
    public static let jobNotFound: ErrorCode = "job_not_found"
    /// No route for that path.
    public static let routeNotFound: ErrorCode = "route_not_found"
    /// The route exists, but not with that method.
    public static let methodNotAllowed: ErrorCode = "method_not_allowed"
    /// The job is already finished and cannot change.
    public static let jobFinished: ErrorCode = "job_finished"
    /// The request body is larger than the server accepts.
    public static let bodyTooLarge: ErrorCode = "body_too_large"
    /// The request was refused for a reason without a more specific code (the HTTP status says which).
    public static let requestRejected: ErrorCode = "request_rejected"
    /// The request carries no API token where one is needed.
    public static let authenticationRequired: ErrorCode = "authentication_required"
    /// The API token is malformed, unknown, revoked or expired.
    public static let invalidToken: ErrorCode = "invalid_token"
    /// The API token lacks the scope (or the task) the request needs.
    public static let insufficientScope: ErrorCode = "insufficient_scope"
    /// The principal submitted more jobs than `TASKS_PER_MINUTE` allows.
    public static let rateLimitExceeded: ErrorCode = "rate_limit_exceeded"
    /// The job store does not answer (`/readyz`).
    public static let storeUnavailable: ErrorCode = "store_unavailable"
    /// An unexpected server-side failure; the log has the details under the request id.
    public static let internalError: ErrorCode = "internal_error"

    // Job outcomes
    /// The attempt ran past the task's `timeout`.
    public static let taskRuntimeExceeded: ErrorCode = "task_runtime_exceeded"
    /// The handler threw an error that was not a `TaskError`.
    public static let taskFailed: ErrorCode = "task_failed"
    /// The job was cancelled.
    public static let cancelled: ErrorCode = "cancelled"
    /// The worker holding the job stopped renewing its lease and no attempts were left.
    public static let workerLost: ErrorCode = "worker_lost"
    /// The worker process running the attempt died (a crash in the handler or a library it calls).
    public static let workerCrashed: ErrorCode = "worker_crashed"
    /// The stored job names a task or version this process does not know.
    public static let unknownTask: ErrorCode = "unknown_task"
    /// The job (or the pinned `version`) names a version of the task that is no longer accepted.
    public static let taskVersionRetired: ErrorCode = "task_version_retired"
    /// A pinned `version` that the task never had.
    public static let taskVersionNotFound: ErrorCode = "task_version_not_found"
    /// The upgrade function of an older accepted version threw.
    public static let upgradeFailed: ErrorCode = "upgrade_failed"
    /// The task rejected parameters that passed the schema (a limit or allowlist).
    public static let taskRejectedInvalidParams: ErrorCode = "task_rejected_invalid_params"

    // Providers (upstream services a task calls)
    /// The serving process lacks the configuration (an API key) of the provider the task needs (`503` at submit).
    public static let providerNotConfigured: ErrorCode = "provider_not_configured"
    /// The provider refused the credentials (HTTP 401 or 403); permanent.
    public static let upstreamAuthFailed: ErrorCode = "upstream_auth_failed"
    /// The provider refused the request's parameters (HTTP 4xx other than 401, 403 and 429); permanent.
    public static let upstreamRejected: ErrorCode = "upstream_rejected"
    /// The provider answered success with a body that is not what it documents; permanent.
    public static let upstreamBadResponse: ErrorCode = "upstream_bad_response"
    /// The provider's rate limit was hit (HTTP 429); transient, retried after its reset.
    public static let upstreamRateLimited: ErrorCode = "upstream_rate_limited"
    /// The plan's quota for a long window (a month) is spent (HTTP 429 resetting in more than an hour); permanent.
    public static let upstreamQuotaExhausted: ErrorCode = "upstream_quota_exhausted"
    /// The provider failed (HTTP 5xx) or could not be reached; transient.
    public static let upstreamUnavailable: ErrorCode = "upstream_unavailable"
    /// The provider did not answer within the request timeout; transient.
    public static let upstreamTimeout: ErrorCode = "upstream_timeout"

    // Operator actions
    /// `POST /v1/jobs/{id}/retry` on a job that is not `failed`, `cancelled` or `quarantined`.
    public static let jobNotRetryable: ErrorCode = "job_not_retryable"

    // Idempotency and dedup
    /// The `Idempotency-Key` header is empty, too long or not printable ASCII.
    public static let invalidIdempotencyKey: ErrorCode = "invalid_idempotency_key"
    /// The `Idempotency-Key` was used before with a different request.
    public static let idempotencyKeyReused: ErrorCode = "idempotency_key_reused"
    /// The first request with this `Idempotency-Key` is still being processed.
    public static let idempotencyKeyInProgress: ErrorCode = "idempotency_key_in_progress"
    /// The task declares no `dedup`, so it has no dedup keys to look up.
    public static let dedupNotDeclared: ErrorCode = "dedup_not_declared"

    // Batches
    /// `POST /v1/jobs:batch`: the body or an item is not shaped as a batch.
    public static let invalidBatch: ErrorCode = "invalid_batch"
    /// `POST /v1/jobs:batch`: more items than `MAX_BATCH_SIZE`.
    public static let batchTooLarge: ErrorCode = "batch_too_large"
    /// `POST /v1/jobs:batch`: some items cannot be submitted; `items` lists each with its index.
    public static let batchInvalid: ErrorCode = "batch_invalid"
    /// `POST /v1/jobs:batch`: an item's task declares `dedup`, which a batch cannot honour.
    public static let dedupNotBatchable: ErrorCode = "dedup_not_batchable"

    // Artifacts
    /// An artifact is larger than `TASK_MAX_ARTIFACT_MB`; nothing of it was kept.
    public static let artifactSizeExceeded: ErrorCode = "artifact_size_exceeded"
    /// No artifact with that id.
    public static let artifactNotFound: ErrorCode = "artifact_not_found"
    /// An artifact's name or metadata is malformed (`POST /v1/artifacts`, `job.artifacts.write`).
    public static let invalidArtifact: ErrorCode = "invalid_artifact"
    /// The artifact store (local files or S3) refused or failed an operation.
    public static let artifactStorageFailed: ErrorCode = "artifact_storage_failed"

    // Queues
    /// No task uses the queue and no job or live worker is on it (pausing or resuming it).
    public static let queueNotFound: ErrorCode = "queue_not_found"
    /// A dashboard form or action came without the CSRF token of the session that loaded it.
    public static let csrfTokenInvalid: ErrorCode = "csrf_token_invalid"

    // Datasets
    /// No dataset with that id visible to the caller (a `GET`, a `DELETE`, or a task input's `format: dataset` property).
    public static let datasetNotFound: ErrorCode = "dataset_not_found"
    /// A dataset cannot be deleted while an unfinished job reads it.
    public static let datasetInUse: ErrorCode = "dataset_in_use"
    /// An uploaded dataset is malformed (a ragged row, an unterminated quote, invalid UTF-8, ...); nothing was stored.
    public static let invalidDataset: ErrorCode = "invalid_dataset"
    /// An uploaded dataset is in a format Taskforge does not read (Parquet, Excel, ...); nothing was stored.
    public static let datasetFormatNotSupported: ErrorCode = "dataset_format_not_supported"
    /// A job's result was asked for before the job succeeded (`GET /jobs/{id}/result` of seed 002).
    public static let resultNotReady: ErrorCode = "result_not_ready"

    // Input files
    /// The job still lacks required files: `POST /v1/jobs/{id}/start` (409, `missing` lists them), or a
    /// waiting job whose files did not all arrive before it expired (`failed`).
    public static let filesMissing: ErrorCode = "files_missing"
    /// `POST /v1/jobs/{id}/start` or an upload for a job that is not `waiting`.
    public static let jobNotWaiting: ErrorCode = "job_not_waiting"
    /// An upload names a file its job's task does not declare.
    public static let fileNotDeclared: ErrorCode = "file_not_declared"
    /// An upload's media type is not among the file's declared `media_types`.
    public static let fileTypeNotAccepted: ErrorCode = "file_type_not_accepted"
    /// The file was uploaded completely already; it cannot be uploaded again.
    public static let fileAlreadyUploaded: ErrorCode = "file_already_uploaded"
    // Uploads (tus)
    /// No upload with that id (or another principal's, or one whose id is malformed).
    public static let uploadNotFound: ErrorCode = "upload_not_found"
    /// The upload expired before it completed; its bytes are gone.
    public static let uploadExpired: ErrorCode = "upload_expired"
    /// `PATCH`: `Upload-Offset` differs from the upload's current offset.
    public static let uploadOffsetMismatch: ErrorCode = "upload_offset_mismatch"
    /// The upload is larger than its grant (or the server) allows, or a chunk would pass `Upload-Length`.
    public static let uploadTooLarge: ErrorCode = "upload_too_large"
    /// Another request on the same upload did not finish within the wait.
    public static let uploadLocked: ErrorCode = "upload_locked"
    /// A tus header (`Upload-Length`, `Upload-Offset`, `Upload-Checksum`, ...) is missing or malformed.
    public static let invalidUploadHeader: ErrorCode = "invalid_upload_header"
    /// `Upload-Metadata` is not comma-separated `key base64value` pairs with unique keys.
    public static let invalidUploadMetadata: ErrorCode = "invalid_upload_metadata"
    /// `Tus-Resumable` is missing or names a version other than 1.0.0.
    public static let tusVersionUnsupported: ErrorCode = "tus_version_unsupported"
    /// `PATCH` without `Content-Type: application/offset+octet-stream`.
    public static let unsupportedMediaType: ErrorCode = "unsupported_media_type"
    /// `Upload-Checksum` names an algorithm other than `sha1` and `sha256`.
    public static let checksumAlgorithmUnsupported: ErrorCode = "checksum_algorithm_unsupported"
    /// The chunk's digest differs from `Upload-Checksum`; the chunk was discarded.
    public static let checksumMismatch: ErrorCode = "checksum_mismatch"
    /// The staging directory failed (disk full, permissions).
    public static let uploadStorageFailed: ErrorCode = "upload_storage_failed"
}
