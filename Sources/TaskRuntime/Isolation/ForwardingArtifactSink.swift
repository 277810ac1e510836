import Foundation
import Synchronization

/// The ``ArtifactSink`` of a handler process: forwards each write to the supervising worker (which
/// owns the artifact store and the job store) as a ``HostReply/artifact`` line and waits for its
/// ``HostRequest/artifactWritten`` answer. Bytes are first written to a temporary file, which the
/// worker streams from; files are streamed from where they are.
final class ForwardingArtifactSink: ArtifactSink {
    private struct State {
        var nextID = 0
        var waiting: [Int: CheckedContinuation<HostRequest.ArtifactWritten, Never>] = [:]
    }

    private let state = Mutex(State())
    private let send: @Sendable (HostReply) -> Void

    init(send: @escaping @Sendable (HostReply) -> Void) {
        self.send = send
    }

    func write(
        _ content: ArtifactContent, name: String, contentType: String, producer: ArtifactProducer,
        dataset: DatasetDescription?
    ) async throws -> Artifact {
        let file: URL
        var temporary: URL?
        switch content {
        case .file(let url):
            file = url
        case .bytes(let data):
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("taskforge-artifact-\(UUID())")
            try data.write(to: url)
            file = url
            temporary = url
        }
        defer { if let temporary { try? FileManager.default.removeItem(at: temporary) } }
        let id = state.withLock { state in
            defer { state.nextID += 1 }
            return state.nextID
        }
        let answer = await withCheckedContinuation { continuation in
            state.withLock { $0.waiting[id] = continuation }
            send(
                HostReply(
                    artifact: ArtifactWriteRequest(
                        id: id, name: name, contentType: contentType, path: file.path, dataset: dataset)))
        }
        if let artifact = answer.artifact { return artifact }
        let error =
            answer.error
            ?? JobError(code: .artifactStorageFailed, message: "the worker did not store the artifact", retryable: true)
        throw TaskError(code: error.code, message: error.message, isTransient: error.retryable, details: error.details)
    }

    /// Resumes the write that `answer` ends (answers for unknown writes are ignored).
    func receive(_ answer: HostRequest.ArtifactWritten) {
        let waiting = state.withLock { $0.waiting.removeValue(forKey: answer.id) }
        waiting?.resume(returning: answer)
    }
}
