import Foundation
import HTTPTypes
import Hummingbird
import TaskRuntime

/// The tus 1.0.0 server ([docs/uploads.md](../../../docs/uploads.md)): `OPTIONS /v1/uploads/`,
/// `POST /v1/uploads/` and `POST /v1/jobs/{id}/files/{name}` (creation, creation-with-upload),
/// `HEAD`, `PATCH` and `DELETE /v1/uploads/{id}`. All but `OPTIONS` need the `submit` scope; an
/// upload is visible only to the principal that created it (and `admin`).
struct UploadRoutes {
    let staging: UploadStaging

    func register(on router: Router<TaskRequestContext>) {
        let uploads = router.group("/v1/uploads").add(middleware: TusMiddleware())
        uploads.on("", method: .options) { _, _ in options() }
        uploads.on(":id", method: .options) { _, _ in options() }
        uploads.post("") { request, context in
            try await create(request, context: context, implied: [:])
        }
        uploads.head(":id") { _, context in
            try await head(context)
        }
        uploads.patch(":id") { request, context in
            try await patch(request, context: context)
        }
        uploads.delete(":id") { _, context in
            try await terminate(context)
        }
        router.group("/v1/jobs/:id/files").add(middleware: TusMiddleware()).post(":name") { request, context in
            let job = try context.parameters.require("id")
            let file = try context.parameters.require("name")
            return try await create(request, context: context, implied: ["job_id": job, "file": file])
        }
    }

    /// What the server offers: version, extensions, checksum algorithms, the size limit.
    private func options() -> Response {
        var headers: HTTPFields = [
            TusHeader.version: TusHeader.supportedVersion,
            TusHeader.extensions: TusHeader.offeredExtensions,
            TusHeader.checksumAlgorithm: UploadChecksum.algorithms.joined(separator: ","),
        ]
        if let max = staging.maxBytes { headers[TusHeader.maxSize] = String(max) }
        return Response(status: .noContent, headers: headers)
    }

    /// `HEAD`: the offset (finishing a completion the lifecycle refused before), length, metadata, expiry.
    private func head(_ context: TaskRequestContext) async throws -> Response {
        let principal = try context.principal(holding: .submit)
        let id = try context.parameters.require("id")
        return try await staging.locks.withLock(id) {
            let (info, offset) = try await settle(try await load(id, principal: principal))
            var headers = progressHeaders(info, offset: offset)
            headers[TusHeader.uploadLength] = String(info.upload.length)
            if let metadata = info.metadataHeader { headers[TusHeader.uploadMetadata] = metadata }
            headers[.cacheControl] = "no-store"
            return Response(status: .ok, headers: headers)
        }
    }

    /// `PATCH`: one chunk at the current offset; the upload completes with its last byte.
    private func patch(_ request: Request, context: TaskRequestContext) async throws -> Response {
        let principal = try context.principal(holding: .submit)
        let id = try context.parameters.require("id")
        guard Self.carriesChunk(request) else {
            throw Problem(
                .unsupportedMediaType, .unsupportedMediaType,
                "a PATCH must have Content-Type: \(TusHeader.chunkContentType)")
        }
        let sent = try Self.count(request, TusHeader.uploadOffset, name: "Upload-Offset")
        let checksum = try request.headers[TusHeader.uploadChecksum].map(UploadChecksum.init(header:))
        let declaredLength = Self.contentLength(request)
        return try await staging.locks.withLock(id) {
            var info = try await load(id, principal: principal)
            var offset = info.isSettled ? info.upload.length : try await staging.offset(id)
            guard sent == offset else { throw Problem.uploadOffsetMismatch(sent: sent, current: offset) }
            if info.state == .receiving {
                offset = try await staging.append(
                    to: info.upload, at: offset, body: request.body, declaredLength: declaredLength, checksum: checksum)
            } else if (declaredLength ?? 0) > 0 {
                throw Problem.uploadTooLarge(
                    "the upload already has all its \(info.upload.length) bytes", limit: info.upload.length)
            }
            (info, offset) = try await settle(info, offset: offset)
            return Response(status: .noContent, headers: progressHeaders(info, offset: offset))
        }
    }

    /// `DELETE`: the staged bytes and record go; the lifecycle is told unless the upload completed.
    private func terminate(_ context: TaskRequestContext) async throws -> Response {
        let principal = try context.principal(holding: .submit)
        let id = try context.parameters.require("id")
        return try await staging.locks.withLock(id) {
            let info = try await load(id, principal: principal)
            try await staging.remove(id)
            if !info.isSettled { await staging.lifecycle.discard(info.upload) }
            return Response(status: .noContent)
        }
    }

    /// The upload's record, if `principal` may see it: `404 upload_not_found` for a malformed id,
    /// an unknown upload or another principal's; `410 upload_expired` past its expiry.
    func load(_ id: String, principal: Principal) async throws -> UploadInfo {
        guard UploadID.isValid(id), let info = try await staging.info(id),
            principal.has(.admin) || info.upload.owner == principal.tokenID
        else { throw Problem.uploadNotFound(id) }
        guard !info.isExpired(at: Date()) else {
            throw Problem(.gone, .uploadExpired, "upload '\(id)' expired before it completed; create a new one")
        }
        return info
    }

    /// The upload and its offset after handing it to the lifecycle if every byte is there.
    func settle(_ info: UploadInfo, offset: Int64? = nil) async throws -> (UploadInfo, Int64) {
        if info.state == .delivered { return (info, info.upload.length) }
        if let refusal = info.refusal { throw refusal.problem }
        let offset = if let offset { offset } else { try await staging.offset(info.upload.id) }
        guard offset == info.upload.length else { return (info, offset) }
        return (try await staging.deliver(info), offset)
    }

    func progressHeaders(_ info: UploadInfo, offset: Int64) -> HTTPFields {
        [TusHeader.uploadOffset: String(offset), TusHeader.uploadExpires: HTTPDate.format(info.upload.grant.expiresAt)]
    }

    /// Whether the body is a chunk (`Content-Type: application/offset+octet-stream`).
    static func carriesChunk(_ request: Request) -> Bool {
        guard let type = request.headers[.contentType] else { return false }
        return type.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased()
            == TusHeader.chunkContentType
    }

    static func contentLength(_ request: Request) -> Int64? {
        request.headers[.contentLength].flatMap { Int64($0) }
    }

    /// A required header holding a non-negative decimal integer.
    static func count(_ request: Request, _ field: HTTPField.Name, name: String) throws -> Int64 {
        guard let text = request.headers[field] else { throw Problem.invalidUploadHeader(name, "is required") }
        guard !text.isEmpty, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let value = Int64(text) else {
            throw Problem.invalidUploadHeader(name, "must be a non-negative integer, found '\(text)'")
        }
        return value
    }
}
