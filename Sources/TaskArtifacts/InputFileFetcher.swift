import Foundation
import NIOCore
import NIOFileSystem
import TaskRuntime

/// Copies a job's uploaded files out of the artifact store into a directory of the attempt's own,
/// checking each copy against the SHA-256 recorded when it was uploaded.
public struct InputFileFetcher: InputFileSource {
    public let jobs: any JobStore
    public let store: any ArtifactStore
    /// Where each attempt's directory is made (the system's temporary directory by default).
    public let directory: URL

    public init(jobs: any JobStore, store: any ArtifactStore, directory: URL = FileManager.default.temporaryDirectory) {
        self.jobs = jobs
        self.store = store
        self.directory = directory
    }

    public func fetch(jobID: UUID) async throws -> InputFiles {
        let complete = try await jobs.files(ofJob: jobID).filter(\.isComplete)
        guard !complete.isEmpty else { return InputFiles() }
        let folder = directory.appendingPathComponent("taskforge-inputs-\(UUID().uuidString.lowercased())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var urls: [String: URL] = [:]
        do {
            for file in complete {
                // Declared names are lower snake_case: never a path of their own.
                let url = folder.appendingPathComponent(file.name)
                try await copy(file, to: url)
                urls[file.name] = url
            }
        } catch {
            try? FileManager.default.removeItem(at: folder)
            throw error
        }
        return InputFiles(urls)
    }

    public func release(_ files: InputFiles) async {
        for folder in Set(files.urls.values.map { $0.deletingLastPathComponent() }) {
            try? FileManager.default.removeItem(at: folder)
        }
    }

    private func copy(_ file: JobFile, to url: URL) async throws {
        guard let artifactID = file.artifactID, let artifact = try await jobs.artifact(id: artifactID) else {
            throw TaskError.permanent(.filesMissing, "the stored bytes of input file '\(file.name)' are gone")
        }
        let meter = ByteMeter(limit: .max)
        do {
            try await FileSystem.shared.withFileHandle(
                forWritingAt: FilePath(url.path), options: .newFile(replaceExisting: true)
            ) { handle in
                var writer = handle.bufferedWriter()
                try await store.read(key: artifact.storageKey) { chunk in
                    try meter.measure(chunk)
                    try await writer.write(contentsOf: chunk)
                }
                try await writer.flush()
            }
        } catch let error as ArtifactStorageError {
            throw TaskError.transient(.artifactStorageFailed, "input file '\(file.name)': \(error)")
        }
        let digest = meter.result.sha256
        guard digest == artifact.sha256 else {
            throw TaskError.transient(
                .artifactStorageFailed,
                "input file '\(file.name)' read back with SHA-256 \(digest), not the \(artifact.sha256) it was uploaded with")
        }
    }
}
