import Foundation
import NIOFileSystem
import TaskRuntime

extension UploadStaging {
    /// Hands a complete upload to the lifecycle, exactly once per success: the record is marked
    /// `complete` first, ``UploadLifecycle/complete(_:file:)`` takes the bytes, then they leave the
    /// staging directory and the record says `delivered`. When the lifecycle throws, the upload
    /// stays `complete` and the next `PATCH` or `HEAD` calls this again, unless it threw
    /// ``UploadRefused``: then the bytes go, the record says `refused` and keeps the problem, which
    /// answers from then on. The caller holds the lock.
    func deliver(_ info: UploadInfo) async throws -> UploadInfo {
        var info = info
        if info.state == .receiving {
            info.state = .complete
            try await save(info)
        }
        guard info.state == .complete else { return info }
        // An empty upload completes without a byte ever written: its bytes are an empty file.
        if info.upload.length == 0 { try await createEmptyBytesFile(info.upload.id) }
        do {
            try await lifecycle.complete(info.upload, file: bytesFile(info.upload.id))
        } catch let refused as UploadRefused {
            try await removeBytes(info.upload.id)
            info.state = .refused
            info.refusal = UploadInfo.Refusal(refused.problem)
            try await save(info)
            throw refused.problem
        }
        try await removeBytes(info.upload.id)
        info.state = .delivered
        try await save(info)
        return info
    }

    private func createEmptyBytesFile(_ id: String) async throws {
        try await storageFailures {
            try await FileSystem.shared.withFileHandle(
                forWritingAt: FilePath(bytesFile(id).path), options: .newFile(replaceExisting: true)
            ) { _ in }
        }
    }
}
