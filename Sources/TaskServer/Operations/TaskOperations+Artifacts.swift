import Foundation
import HTTPTypes
import Hummingbird
import Logging
import TaskArtifacts
import TaskRuntime

/// Artifacts: storing one (raw body or the seeds' JSON form), finding one the principal may read,
/// and answering its bytes. Uploading needs the `submit` scope, reading `read`; an artifact of a job
/// is visible only to whoever sees the job (another principal's answers `404 artifact_not_found`).
extension TaskOperations {
    /// Stores the request's body as an artifact: the raw body streamed (`?name=`), or the seeds'
    /// JSON form with base64 bytes (``ArtifactEnvelope``). Above `TASK_MAX_ARTIFACT_MB`, `413
    /// artifact_size_exceeded` and nothing kept; a malformed JSON form, `422 invalid_artifact`.
    public func storeArtifact(_ request: Request, context: TaskRequestContext) async throws -> Artifact {
        let principal = try context.principal(holding: .submit)
        let logger = context.logger
        let limit = recorder.maxBytes
        let length = request.headers[.contentLength].flatMap(Int64.init)
        if isEnvelope(request) {
            if let length, length > Self.envelopeLimit(limit) { throw tooLarge(limit, logger: logger) }
            var request = request
            let queryJobID = try ArtifactUploadParameters.jobID(request)
            let envelope = try ArtifactEnvelope(try await collectEnvelope(&request, limit: limit, logger: logger))
            let producer = try await producer(forJob: envelope.jobID ?? queryJobID, principal: principal)
            return try await record(logger: logger) {
                try await recorder.record(
                    envelope.data, name: envelope.name, contentType: envelope.contentType, producer: producer)
            }
        }
        let parameters = try ArtifactUploadParameters(request)
        if let length, length > limit { throw tooLarge(limit, logger: logger) }
        let producer = try await producer(forJob: parameters.jobID, principal: principal)
        return try await record(logger: logger) {
            try await recorder.record(
                request.body, name: parameters.name, contentType: parameters.contentType, producer: producer)
        }
    }

    /// The artifact with `id`, if the principal may read it: one uploaded on its own, or one of a job
    /// it sees (a job since pruned: `admin` only); otherwise `404 artifact_not_found`. The producing
    /// job, if it still exists, comes along when asked for or when it had to be read to check ownership.
    public func artifact(id: String, producingJob: Bool, context: TaskRequestContext) async throws -> (Artifact, Job?) {
        let principal = try context.principal(holding: .read)
        guard let uuid = UUID(uuidString: id), let artifact = try await store.artifact(id: uuid) else {
            throw Problem(.notFound, .artifactNotFound, "no artifact with id '\(id)'")
        }
        // The bytes of an uploaded dataset are an artifact without a producer, and its owner's alone.
        if artifact.producer == nil, let owner = principal.ownerFilter, let dataset = try await store.dataset(id: uuid),
            dataset.owner != owner
        {
            throw Problem(.notFound, .artifactNotFound, "no artifact with id '\(id)'")
        }
        guard let producer = artifact.producer, producingJob || principal.ownerFilter != nil else {
            return (artifact, nil)
        }
        let job = try await store.job(id: producer.jobID)
        // Ownership is checked for every principal but admin; admin sees artifacts of pruned jobs too.
        if principal.ownerFilter != nil, !(job.map(principal.owns) ?? false) {
            throw Problem(.notFound, .artifactNotFound, "no artifact with id '\(id)'")
        }
        return (artifact, job)
    }

    /// A presigned link to the artifact's bytes when its store makes them (S3), valid for the
    /// configured link expiry; `nil` when the bytes are served through the API.
    public func temporaryLink(to artifact: Artifact) async throws -> URL? {
        try await storageFailures {
            try recorder.store.temporaryURL(key: artifact.storageKey, expiresIn: configuration.artifactLinkExpiry)
        }
    }

    /// The answer to a download: `302` to the presigned link (when `redirect` and the store makes
    /// one), or the bytes streamed from the store with their type, length, digest and file name.
    public func download(_ artifact: Artifact, redirect: Bool = true) async throws -> Response {
        if redirect, let link = try await temporaryLink(to: artifact) {
            return Response(status: .found, headers: [.location: link.absoluteString, .cacheControl: "no-store"])
        }
        let store = recorder.store
        let key = artifact.storageKey
        var headers: HTTPFields = [
            .contentType: artifact.contentType,
            .contentDisposition: Self.contentDisposition(artifact.name),
            .eTag: "\"\(artifact.sha256)\"",
        ]
        headers[HTTPField.Name("X-Checksum-Sha256")!] = artifact.sha256
        return Response(
            status: .ok, headers: headers,
            body: ResponseBody(contentLength: Int(artifact.size)) { writer in
                try await store.read(key: key) { try await writer.write($0) }
                try await writer.finish(nil)
            })
    }

    /// The artifact's lineage in the JSON form of `GET /v1/artifacts/{id}/meta`.
    public func metaJSON(_ artifact: Artifact, job: Job?) async throws -> JSONValue {
        let files = if let job { try await store.files(ofJob: job.id) } else { [JobFile]() }
        return ArtifactResource.metaJSON(artifact, job: job, files: files)
    }

    /// The artifact's summary in the JSON form `POST /v1/artifacts` answers.
    public func json(_ artifact: Artifact) -> JSONValue {
        ArtifactResource.json(artifact)
    }

    /// `attachment` with an ASCII fallback name and the UTF-8 name (RFC 6266, RFC 8187).
    static func contentDisposition(_ name: String) -> String {
        let fallback = String(name.unicodeScalars.map { $0.isASCII && $0 != "\"" && $0 != "\\" ? Character($0) : "_" })
        let encoded =
            name.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~")))
            ?? fallback
        return "attachment; filename=\"\(fallback)\"; filename*=UTF-8''\(encoded)"
    }

    /// A JSON body without `?name=` is the JSON form; anything else is the artifact's own bytes.
    private func isEnvelope(_ request: Request) -> Bool {
        guard request.uri.queryParameters["name"] == nil, let type = request.headers[.contentType] else { return false }
        return type.lowercased().hasPrefix("application/json")
    }

    /// The JSON form holds the bytes in base64 (4 characters per 3 bytes) plus a little metadata.
    private static func envelopeLimit(_ limit: Int64) -> Int64 {
        limit / 3 * 4 + 64 * 1024
    }

    private func collectEnvelope(_ request: inout Request, limit: Int64, logger: Logger) async throws -> JSONValue {
        do {
            return try await request.jsonBody(limit: Int(clamping: Self.envelopeLimit(limit)))
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw tooLarge(limit, logger: logger)
        }
    }

    /// The lineage of an artifact attached to job `id` (its current attempt), or `nil` without one.
    private func producer(forJob id: String?, principal: Principal) async throws -> ArtifactProducer? {
        guard let id else { return nil }
        guard let uuid = UUID(uuidString: id), let job = try await store.job(id: uuid), principal.owns(job) else {
            throw Problem.jobNotFound(id)
        }
        return ArtifactProducer(
            jobID: job.id, attempt: job.attempt, task: job.task, taskVersion: job.version, stage: job.stage)
    }

    private func record(logger: Logger, _ body: () async throws -> Artifact) async throws -> Artifact {
        do {
            let artifact = try await storageFailures(body)
            var metadata: Logger.Metadata = [
                "artifactId": "\(artifact.id.lowercasedString)", "size": "\(artifact.size)",
            ]
            if let producer = artifact.producer {
                metadata["jobId"] = "\(producer.jobID.lowercasedString)"
                metadata["taskName"] = "\(producer.task)"
                metadata["taskVersion"] = "\(producer.taskVersion)"
            }
            logger.info("artifact stored", metadata: metadata)
            return artifact
        } catch let error as ArtifactTooLarge {
            throw tooLarge(error.limit, logger: logger)
        }
    }

    private func tooLarge(_ limit: Int64, logger: Logger) -> Problem {
        logger.warning("artifact_rejected", metadata: ["limit": "\(limit)"])
        return Problem(
            .contentTooLarge, .artifactSizeExceeded,
            "the artifact is larger than the limit of \(limit) bytes (TASK_MAX_ARTIFACT_MB); nothing was stored",
            extensions: ["max_bytes": .integer(Int(limit))])
    }

    /// Runs `body`, answering storage failures with `503 artifact_storage_failed`.
    func storageFailures<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as ArtifactStorageError {
            throw Problem(.serviceUnavailable, .artifactStorageFailed, "the artifact store failed: \(error)")
        }
    }
}
