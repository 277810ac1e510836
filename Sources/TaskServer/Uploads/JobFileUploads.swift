import Foundation
import TaskArtifacts
import TaskRuntime

/// Uploads of jobs' declared files: an upload names its job (`job_id`) and file (`file`) in its
/// metadata (`POST /v1/jobs/{id}/files/{name}` sets both). Only the job's owner (or `admin`) with
/// `submit` for its task may upload, only while the job waits and the file is not complete, up to
/// the file's `max_size` and the server's artifact limit, and only in one of its `media_types` when
/// the client names one (`filetype` or `content_type` metadata). A completed upload is stored as an
/// artifact and recorded on the job, which starts when no required file is missing.
public struct JobFileUploads: UploadLifecycle {
    public let catalog: TaskCatalog
    public let store: any JobStore
    public let recorder: ArtifactRecorder
    /// How long a job waits for its files before it fails with `files_missing`; its uploads expire then too.
    public let waitingExpiry: Duration

    public init(catalog: TaskCatalog, store: any JobStore, recorder: ArtifactRecorder, waitingExpiry: Duration) {
        self.catalog = catalog
        self.store = store
        self.recorder = recorder
        self.waitingExpiry = waitingExpiry
    }

    public func admit(_ request: UploadRequest, principal: Principal) async throws -> UploadGrant {
        guard let jobText = request.metadata["job_id"], let name = request.metadata["file"] else {
            throw Problem(
                .badRequest, .invalidUploadMetadata,
                "an upload names its job and file in Upload-Metadata ('job_id' and 'file'), or is created at the job's "
                    + "upload_url, /v1/jobs/{id}/files/{name}")
        }
        guard let jobID = UUID(uuidString: jobText), let job = try await store.job(id: jobID), principal.owns(job)
        else {
            throw Problem.jobNotFound(jobText)
        }
        guard principal.maySubmit(task: job.task) else {
            throw Problem.insufficientScope("this token may not submit jobs of task '\(job.task)'", scope: .submit)
        }
        guard let declaration = catalog.entry(named: job.task)?.definition.files.first(where: { $0.name == name })
        else {
            throw Problem(.notFound, .fileNotDeclared, "task '\(job.task)' declares no file '\(name)'")
        }
        guard job.state == .waiting else {
            throw Problem(.conflict, .jobNotWaiting, "the job is '\(job.state.rawValue)'; it no longer takes files")
        }
        if try await store.files(ofJob: jobID).first(where: { $0.name == name })?.isComplete == true {
            throw Problem(.conflict, .fileAlreadyUploaded, "file '\(name)' of the job was uploaded already")
        }
        let mediaType = request.metadata["filetype"] ?? request.metadata["content_type"]
        if let mediaType, !declaration.accepts(mediaType: mediaType) {
            throw Problem(
                .unsupportedMediaType, .fileTypeNotAccepted,
                "file '\(name)' takes \(declaration.mediaTypes.joined(separator: ", ")), not '\(mediaType)'")
        }
        return UploadGrant(
            maxBytes: min(declaration.maxSize ?? .max, recorder.maxBytes),
            expiresAt: job.createdAt.addingTimeInterval(waitingExpiry.seconds),
            tags: [
                "job_id": jobID.lowercasedString, "file": name, "content_type": mediaType ?? "application/octet-stream",
            ])
    }

    public func created(_ upload: StagedUpload) async throws {
        guard let (jobID, name) = Self.target(of: upload) else { return }
        _ = try await store.attachUpload(upload.id, toFile: name, ofJob: jobID)
    }

    public func complete(_ upload: StagedUpload, file: URL) async throws {
        guard let (jobID, name) = Self.target(of: upload) else { throw Problem.uploadNotFound(upload.id) }
        let filename = upload.metadata["filename"].flatMap { ArtifactName.problem(with: $0) == nil ? $0 : nil } ?? name
        let artifact: Artifact
        do {
            artifact = try await recorder.recordFile(
                at: file, name: filename, contentType: upload.grant.tags["content_type"] ?? "application/octet-stream",
                producer: nil)
        } catch let error as ArtifactStorageError {
            throw Problem.uploadStorageFailed("\(error)")
        }
        switch try await store.completeFile(FileCompletion(jobID: jobID, name: name, artifact: artifact)) {
        case .recorded:
            return
        case .notWaiting(let job):
            throw Problem(.conflict, .jobNotWaiting, "the job is '\(job.state.rawValue)'; it no longer takes files")
        case .notFound:
            throw Problem.jobNotFound(jobID.lowercasedString)
        }
    }

    public func discard(_ upload: StagedUpload) async {}

    /// The job and file an upload was admitted for.
    private static func target(of upload: StagedUpload) -> (UUID, String)? {
        guard let jobID = upload.grant.tags["job_id"].flatMap(UUID.init(uuidString:)),
            let name = upload.grant.tags["file"]
        else { return nil }
        return (jobID, name)
    }
}
