import Foundation
import NIOCore
import NIOFileSystem
import TaskRuntime

/// Copies a job's uploaded files, and the artifacts its completed stages wrote, out of the artifact
/// store into a directory of the attempt's own, checking each copy against its recorded SHA-256.
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

    public func fetch(
        jobID: UUID, uploads: Bool, datasets: Bool, completedStages: [StageResult]
    ) async throws
        -> InputFiles
    {
        let complete = uploads ? try await jobs.files(ofJob: jobID).filter(\.isComplete) : []
        let read = datasets ? try await jobs.datasets(readBy: jobID) : []
        let handedOver = try await stageArtifacts(ofJob: jobID, completedStages: completedStages)
        guard !complete.isEmpty || !read.isEmpty || !handedOver.isEmpty else { return InputFiles() }
        let folder = directory.appendingPathComponent("taskforge-inputs-\(UUID().uuidString.lowercased())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var urls: [String: URL] = [:]
        var artifacts: [UUID: URL] = [:]
        var tables: [UUID: DatasetFile] = [:]
        do {
            for file in complete {
                guard let artifactID = file.artifactID, let artifact = try await jobs.artifact(id: artifactID) else {
                    throw TaskError.permanent(.filesMissing, "the stored bytes of input file '\(file.name)' are gone")
                }
                // Declared names are lower snake_case: never a path of their own.
                let url = folder.appendingPathComponent(file.name)
                try await copy(artifact, describedAs: "input file '\(file.name)'", to: url)
                urls[file.name] = url
            }
            for lineage in read {
                // A dataset an unfinished job reads cannot be deleted; one that is gone is a lost input.
                guard let dataset = try await jobs.dataset(id: lineage.id), dataset.artifact.sha256 == lineage.sha256
                else {
                    throw TaskError.permanent(
                        .filesMissing, "dataset \(lineage.id.lowercasedString) ('\(lineage.name)') is gone")
                }
                let url = folder.appendingPathComponent("dataset-\(lineage.id.lowercasedString)")
                try await copy(dataset.artifact, describedAs: "dataset '\(lineage.name)'", to: url)
                tables[lineage.id] = DatasetFile(
                    id: lineage.id, url: url, name: lineage.name, sha256: lineage.sha256, format: dataset.format,
                    profile: dataset.profile)
            }
            for artifact in handedOver {
                // Named by ID: artifact names may repeat and are not paths.
                let url = folder.appendingPathComponent("stage-artifact-\(artifact.id.uuidString.lowercased())")
                try await copy(
                    artifact, describedAs: "artifact '\(artifact.name)' of stage \(artifact.producer?.stage ?? "")",
                    to: url)
                artifacts[artifact.id] = url
            }
        } catch {
            try? FileManager.default.removeItem(at: folder)
            throw error
        }
        return InputFiles(urls, stageArtifacts: artifacts, datasets: tables, directory: folder)
    }

    /// The artifacts of job `jobID` written by the successful attempt of each completed stage.
    private func stageArtifacts(ofJob jobID: UUID, completedStages: [StageResult]) async throws -> [Artifact] {
        guard !completedStages.isEmpty else { return [] }
        let successfulAttempts = Dictionary(
            completedStages.map { ($0.name, $0.attempts) }, uniquingKeysWith: { _, last in last })
        return try await jobs.artifacts(ofJob: jobID).filter { artifact in
            guard let producer = artifact.producer, let stage = producer.stage else { return false }
            return successfulAttempts[stage] == producer.attempt
        }
    }

    public func release(_ files: InputFiles) async {
        if let folder = files.directory { try? FileManager.default.removeItem(at: folder) }
    }

    private func copy(_ artifact: Artifact, describedAs description: String, to url: URL) async throws {
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
            throw TaskError.transient(.artifactStorageFailed, "\(description): \(error)")
        }
        let digest = meter.result.sha256
        guard digest == artifact.sha256 else {
            throw TaskError.transient(
                .artifactStorageFailed,
                "\(description) read back with SHA-256 \(digest), not the \(artifact.sha256) it was stored with")
        }
    }
}
