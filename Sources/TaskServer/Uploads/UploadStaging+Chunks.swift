import Foundation
import NIOCore
import NIOFileSystem
import TaskRuntime

extension UploadStaging {
    /// Appends one chunk (a PATCH body, or the body of a creation-with-upload) at `offset`, the
    /// upload's current offset, writing the bytes to `<id>.bin` as they arrive, and returns the new
    /// offset. The caller holds the upload's lock.
    ///
    /// Nothing of the chunk is kept when it would pass `Upload-Length` (`413 upload_too_large`) or
    /// its digest differs from `Upload-Checksum` (`460 checksum_mismatch`). When the body breaks
    /// off (the client went away), the bytes received are kept, so the client can `HEAD` and
    /// resume, unless the chunk had a checksum, which they can no longer be checked against.
    func append<Body: AsyncSequence>(
        to upload: StagedUpload, at offset: Int64, body: Body, declaredLength: Int64?, checksum: UploadChecksum?
    ) async throws -> Int64 where Body.Element == ByteBuffer {
        let room = upload.length - offset
        if let declaredLength, declaredLength > room { throw Self.pastLength(upload) }
        var checksum = checksum
        let path = FilePath(bytesFile(upload.id).path)
        return try await storageFailures {
            try await FileSystem.shared.withFileHandle(
                forWritingAt: path, options: .modifyFile(createIfNecessary: true)
            ) {
                handle async throws -> Int64 in
                var writer = handle.bufferedWriter(startingAtAbsoluteOffset: offset)
                var received: Int64 = 0
                do {
                    for try await chunk in body {
                        received += Int64(chunk.readableBytes)
                        guard received <= room else { throw Self.pastLength(upload) }
                        checksum?.update(chunk)
                        _ = try await writer.write(contentsOf: chunk)
                    }
                    if let declaredLength, received < declaredLength { throw BodyEndedEarly() }
                    if let checksum, !checksum.matches {
                        throw Problem.checksumMismatch(checksum.algorithm, offset: offset)
                    }
                    try await writer.flush()
                    return offset + received
                } catch let error as FileSystemError {
                    try? await handle.resize(to: .bytes(offset))
                    throw error
                } catch let problem as Problem {
                    try await handle.resize(to: .bytes(offset))
                    throw problem
                } catch {
                    // The body broke off: keep what arrived unless a checksum covered the whole chunk.
                    if checksum == nil {
                        try await writer.flush()
                    } else {
                        try await handle.resize(to: .bytes(offset))
                    }
                    throw Problem(
                        .badRequest, .requestRejected,
                        "the request body ended before it was complete; HEAD the upload for its offset and resume")
                }
            }
        }
    }

    private static func pastLength(_ upload: StagedUpload) -> Problem {
        Problem.uploadTooLarge(
            "the chunk would take the upload past its Upload-Length of \(upload.length) bytes; nothing of it was kept",
            limit: upload.length)
    }
}

/// A body shorter than its `Content-Length`: the connection closed mid-body.
private struct BodyEndedEarly: Error {}
