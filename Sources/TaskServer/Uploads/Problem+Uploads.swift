import HTTPTypes
import TaskRuntime

extension Problem {
    /// `404 upload_not_found`: no such upload, an id that is not one, or another principal's.
    static func uploadNotFound(_ id: String) -> Problem {
        Problem(.notFound, .uploadNotFound, "no upload with id '\(id)'")
    }

    /// `400 invalid_upload_header`: `header` is missing or malformed; `header` names it.
    static func invalidUploadHeader(_ header: String, _ reason: String) -> Problem {
        Problem(.badRequest, .invalidUploadHeader, "\(header) \(reason)", extensions: ["header": .string(header)])
    }

    /// `413 upload_too_large`: more than `limit` bytes; `max_bytes` says the limit.
    static func uploadTooLarge(_ detail: String, limit: Int64) -> Problem {
        Problem(.contentTooLarge, .uploadTooLarge, detail, extensions: ["max_bytes": .integer(Int(limit))])
    }

    /// `409 upload_offset_mismatch`, with the current offset in `Upload-Offset` and `offset`.
    static func uploadOffsetMismatch(sent: Int64, current: Int64) -> Problem {
        Problem(
            .conflict, .uploadOffsetMismatch,
            "Upload-Offset is \(sent), but the upload is at offset \(current); HEAD the upload and resume from there",
            extensions: ["offset": .integer(Int(current))], headers: [TusHeader.uploadOffset: String(current)])
    }

    /// `460 checksum_mismatch` (the status tus defines): the chunk was discarded.
    static func checksumMismatch(_ algorithm: String, offset: Int64) -> Problem {
        Problem(
            HTTPResponse.Status(code: 460, reasonPhrase: "Checksum Mismatch"), .checksumMismatch,
            "the chunk's \(algorithm) digest differs from Upload-Checksum; it was discarded and the upload stays at offset \(offset)",
            extensions: ["offset": .integer(Int(offset))], headers: [TusHeader.uploadOffset: String(offset)])
    }

    /// `503 upload_storage_failed`: the staging directory failed.
    static func uploadStorageFailed(_ reason: String) -> Problem {
        Problem(.serviceUnavailable, .uploadStorageFailed, "the upload staging directory failed: \(reason)")
    }
}
