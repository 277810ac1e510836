import Foundation
import Logging
import NIOCore
import NIOFileSystem
import TaskRuntime

/// The uploads in progress on this server: a directory (by default `<data dir>/uploads/`) where
/// `<id>.bin` holds the bytes received so far (the upload's offset is its size) and `<id>.json`
/// the upload's ``UploadInfo``; the ``UploadLifecycle`` the uploads are for; and one lock per
/// upload. Everything lives in files, so a client can resume after the server restarts, but only
/// on this server: a load balancer must send all requests of one upload to one server, or the
/// directory must be shared.
public final class UploadStaging: Sendable {
    /// The staging directory.
    public let directory: URL
    public let lifecycle: any UploadLifecycle
    /// The largest `Upload-Length` accepted whatever the grant (`Tus-Max-Size`); `nil` for none.
    public let maxBytes: Int64?
    let locks: UploadLocks

    /// - Parameters:
    ///   - directory: where uploads are staged; created when missing.
    ///   - lockWait: how long a request waits for another one on the same upload before `423 upload_locked`.
    public init(
        directory: URL, lifecycle: any UploadLifecycle, maxBytes: Int64? = nil, lockWait: Duration = .seconds(10)
    ) {
        self.directory = directory
        self.lifecycle = lifecycle
        self.maxBytes = maxBytes
        self.locks = UploadLocks(wait: lockWait)
    }

    /// Removes every upload that expired at `now`: the lifecycle is told of each that had not
    /// completed (``UploadLifecycle/discard(_:)``). An upload busy with a request is left for the
    /// next sweep. Call it periodically; returns how many uploads were removed.
    @discardableResult
    public func removeExpired(now: Date = Date(), logger: Logger? = nil) async throws -> Int {
        var removed = 0
        for id in try await stagedIDs() {
            let expired = try? await locks.withLock(id) { () async throws -> Bool in
                guard let info = try await info(id), info.isExpired(at: now) else { return false }
                try await remove(id)
                if !info.isSettled { await lifecycle.discard(info.upload) }
                logger?.info("upload expired", metadata: ["uploadId": "\(id)", "state": "\(info.state.rawValue)"])
                return true
            }
            if expired == true { removed += 1 }
        }
        return removed
    }

    // MARK: Files

    /// The file of the upload's bytes. `id` must have passed ``UploadID/isValid(_:)``.
    func bytesFile(_ id: String) -> URL {
        precondition(UploadID.isValid(id), "unchecked upload id")
        return directory.appendingPathComponent("\(id).bin")
    }

    private func infoPath(_ id: String) -> FilePath {
        precondition(UploadID.isValid(id), "unchecked upload id")
        return FilePath(directory.appendingPathComponent("\(id).json").path)
    }

    /// Records a new upload with no bytes yet.
    func create(_ info: UploadInfo) async throws {
        try await storageFailures {
            try await FileSystem.shared.createDirectory(
                at: FilePath(directory.path), withIntermediateDirectories: true, permissions: nil)
        }
        try await save(info)
    }

    /// The upload's record, or `nil` when there is none.
    func info(_ id: String) async throws -> UploadInfo? {
        let bytes = try await storageFailures { () async throws -> ByteBuffer? in
            guard try await FileSystem.shared.info(forFileAt: infoPath(id)) != nil else { return nil }
            return try await FileSystem.shared.withFileHandle(forReadingAt: infoPath(id)) {
                try await $0.readToEnd(maximumSizeAllowed: .mebibytes(1))
            }
        }
        guard let bytes else { return nil }
        do {
            return try Self.decoder.decode(UploadInfo.self, from: Data(buffer: bytes))
        } catch {
            throw Problem.uploadStorageFailed("the record of upload '\(id)' is unreadable: \(error)")
        }
    }

    /// Replaces the upload's record (atomically: a new file linked in place).
    func save(_ info: UploadInfo) async throws {
        let data = try Self.encoder.encode(info)
        try await storageFailures {
            try await FileSystem.shared.withFileHandle(
                forWritingAt: infoPath(info.upload.id), options: .newFile(replaceExisting: true)
            ) { _ = try await $0.write(contentsOf: data, toAbsoluteOffset: 0) }
        }
    }

    /// The number of bytes received: the size of `<id>.bin` (0 before the first byte).
    func offset(_ id: String) async throws -> Int64 {
        try await storageFailures {
            try await FileSystem.shared.info(forFileAt: FilePath(bytesFile(id).path)).map { Int64($0.size) } ?? 0
        }
    }

    /// Removes the upload's bytes, if still there.
    func removeBytes(_ id: String) async throws {
        try await storageFailures {
            _ = try await FileSystem.shared.removeItem(at: FilePath(bytesFile(id).path), recursively: false)
        }
    }

    /// Removes the upload: its bytes first, then its record (a record without bytes is an upload at offset 0).
    func remove(_ id: String) async throws {
        try await removeBytes(id)
        try await storageFailures {
            _ = try await FileSystem.shared.removeItem(at: infoPath(id), recursively: false)
        }
    }

    /// The ids of every upload with a record.
    private func stagedIDs() async throws -> [String] {
        try await storageFailures { () async throws -> [String] in
            guard try await FileSystem.shared.info(forFileAt: FilePath(directory.path)) != nil else { return [] }
            return try await FileSystem.shared.withDirectoryHandle(atPath: FilePath(directory.path)) {
                handle async throws -> [String] in
                var ids: [String] = []
                for try await entry in handle.listContents() {
                    let name = entry.name.string
                    guard name.hasSuffix(".json") else { continue }
                    let id = String(name.dropLast(5))
                    if UploadID.isValid(id) { ids.append(id) }
                }
                return ids
            }
        }
    }

    /// Runs `body`, reporting file system errors as `503 upload_storage_failed`.
    func storageFailures<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as FileSystemError {
            throw Problem.uploadStorageFailed("\(error.message) (\(error.code))")
        }
    }

    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }

    private static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
