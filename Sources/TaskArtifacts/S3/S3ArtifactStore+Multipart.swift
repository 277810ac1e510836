import NIOCore

/// The multipart upload calls: initiate, upload a part, complete, abort.
extension S3ArtifactStore {
    func initiateMultipartUpload(path: String, contentType: String) async throws -> String {
        let (_, answer) = try await send(
            "POST", path: path, query: [("uploads", "")], headers: [("content-type", contentType)])
        guard let uploadID = S3XMLAnswer(answer).element("UploadId") else {
            throw ArtifactStorageError("S3 did not answer the multipart upload's initiation with an UploadId")
        }
        return uploadID
    }

    /// Uploads part `number` (from 1) and returns its ETag.
    func uploadPart(_ part: ByteBuffer, number: Int, path: String, uploadID: String) async throws -> String {
        let (headers, _) = try await send(
            "PUT", path: path, query: [("partNumber", String(number)), ("uploadId", uploadID)], body: part)
        guard let etag = headers.first(name: "etag") else {
            throw ArtifactStorageError("S3 did not answer part \(number) with an ETag")
        }
        return etag
    }

    func completeMultipartUpload(path: String, uploadID: String, etags: [String]) async throws {
        let parts = etags.enumerated().map { index, etag in
            "<Part><PartNumber>\(index + 1)</PartNumber><ETag>\(S3XMLAnswer.escape(etag))</ETag></Part>"
        }
        let document = "<CompleteMultipartUpload>\(parts.joined())</CompleteMultipartUpload>"
        _ = try await send(
            "POST", path: path, query: [("uploadId", uploadID)], headers: [("content-type", "application/xml")],
            body: ByteBuffer(string: document))
    }

    func abortMultipartUpload(path: String, uploadID: String) async throws {
        _ = try await send("DELETE", path: path, query: [("uploadId", uploadID)])
    }
}
