import Foundation
import TaskRuntime
import TaskServer

/// An ``UploadLifecycle`` for the tests: admits uploads with `file` metadata up to `maxBytes`,
/// expiring `lifetime` after creation, and records what it is told. A completed upload's file is
/// copied into `directory`, so the test can compare its bytes after the staging copy is gone.
actor RecordingLifecycle: UploadLifecycle {
    let maxBytes: Int64
    let lifetime: TimeInterval
    let directory: URL
    /// How many more `complete` calls to refuse with `503` (to test that completion is repeated).
    var refusals = 0
    private(set) var completed: [String: URL] = [:]
    private(set) var completeCalls = 0
    private(set) var discarded: [String] = []
    /// The metadata of every admitted upload, in order.
    private(set) var admitted: [[String: String]] = []

    init(maxBytes: Int64 = 1 << 30, lifetime: TimeInterval = 3600) {
        self.maxBytes = maxBytes
        self.lifetime = lifetime
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("tus-completed-\(UUID())")
    }

    func refuseNextCompletions(_ count: Int) {
        refusals = count
    }

    func admit(_ request: UploadRequest, principal: Principal) async throws -> UploadGrant {
        guard let file = request.metadata["file"] else {
            throw Problem(.notFound, "file_not_declared", "the upload names no file")
        }
        admitted.append(request.metadata)
        return UploadGrant(maxBytes: maxBytes, expiresAt: Date().addingTimeInterval(lifetime), tags: ["file": file])
    }

    func complete(_ upload: StagedUpload, file: URL) async throws {
        completeCalls += 1
        if refusals > 0 {
            refusals -= 1
            throw Problem(.serviceUnavailable, "job_store_down", "the job side is not reachable")
        }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let copy = directory.appendingPathComponent(upload.id)
        try FileManager.default.copyItem(at: file, to: copy)
        completed[upload.id] = copy
    }

    func discard(_ upload: StagedUpload) async {
        discarded.append(upload.id)
    }

    /// The completed upload's bytes, or `nil` while it has not completed.
    func bytes(of id: String) throws -> Data? {
        try completed[id].map { try Data(contentsOf: $0) }
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }
}
