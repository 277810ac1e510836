import Foundation
import HTTPTypes
import Hummingbird
import TaskRuntime

extension UploadRoutes {
    /// `POST`: a new upload of `Upload-Length` bytes, admitted by the lifecycle; `201` with its
    /// `Location`. A body with `Content-Type: application/offset+octet-stream` is its first chunk
    /// (creation-with-upload). `implied` metadata comes from the path and must not be contradicted.
    func create(_ request: Request, context: TaskRequestContext, implied: [String: String]) async throws -> Response {
        let principal = try context.principal(holding: .submit)
        guard request.headers[TusHeader.uploadDeferLength] == nil else {
            throw Problem.invalidUploadHeader("Upload-Defer-Length", "is not supported: send Upload-Length")
        }
        let length = try Self.count(request, TusHeader.uploadLength, name: "Upload-Length")
        if let max = staging.maxBytes, length > max {
            throw Problem.uploadTooLarge(
                "Upload-Length \(length) is above this server's limit of \(max) bytes", limit: max)
        }
        let metadataHeader = request.headers[TusHeader.uploadMetadata]
        var metadata = try metadataHeader.map(UploadMetadata.parse) ?? [:]
        for (key, value) in implied {
            if let given = metadata[key], given != value {
                throw Problem(
                    .badRequest, .invalidUploadMetadata,
                    "Upload-Metadata says \(key) '\(given)', but the path says '\(value)'")
            }
            metadata[key] = value
        }
        let withChunk = Self.carriesChunk(request)
        let declaredLength = Self.contentLength(request)
        if withChunk, let declaredLength, declaredLength > length {
            throw Problem.uploadTooLarge("the body is longer than Upload-Length \(length)", limit: length)
        }
        // A malformed Upload-Checksum is refused even when there is no chunk for it to check.
        let checksum = try request.headers[TusHeader.uploadChecksum].map(UploadChecksum.init(header:))
        let grant = try await staging.lifecycle.admit(
            UploadRequest(length: length, metadata: metadata), principal: principal)
        let upload = StagedUpload(
            id: UploadID.generate(), length: length, metadata: metadata, grant: grant, owner: principal.tokenID,
            createdAt: Date())
        guard length <= grant.maxBytes else {
            await staging.lifecycle.discard(upload)
            throw Problem.uploadTooLarge(
                "Upload-Length \(length) is above the \(grant.maxBytes) bytes this upload may have",
                limit: grant.maxBytes)
        }
        let location = "/v1/uploads/\(upload.id)"
        return try await staging.locks.withLock(upload.id) {
            var info = UploadInfo(upload: upload, metadataHeader: metadataHeader, state: .receiving)
            try await staging.create(info)
            try await staging.lifecycle.created(upload)
            var offset: Int64 = 0
            do {
                if withChunk {
                    offset = try await staging.append(
                        to: upload, at: 0, body: request.body, declaredLength: declaredLength, checksum: checksum)
                }
                (info, offset) = try await settle(info, offset: offset)
            } catch var problem as Problem {
                // The upload exists: say where, so the client can resume it.
                problem.headers[.location] = location
                throw problem
            }
            var headers = progressHeaders(info, offset: offset)
            headers[.location] = location
            // What the upload becomes (a dataset), for the client to follow (RFC 8288).
            if let link = grant.tags["link"] { headers[HTTPField.Name("Link")!] = "<\(link)>; rel=\"related\"" }
            return Response(status: .created, headers: headers)
        }
    }
}
