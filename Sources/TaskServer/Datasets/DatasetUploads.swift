import Datasets
import Foundation
import TaskArtifacts
import TaskRuntime

/// Datasets uploaded over tus (resumable, for large files): an upload whose `Upload-Metadata` has
/// `dataset` (the dataset's name) and optionally `filetype` (its media type). Creation needs the
/// `submit` scope, refuses a format Taskforge does not read (`415`) before any byte is sent, and
/// answers `Link: </v1/datasets/{id}>; rel="related"`, where the dataset appears once the last byte
/// arrived and the file was read for its profile. A file that cannot be read answers the last PATCH
/// with `422 invalid_dataset` (line and reason), and every later HEAD or PATCH the same without
/// reading it again (``UploadRefused``); no dataset and no byte is kept.
public struct DatasetUploads: UploadLifecycle {
    public let recorder: ArtifactRecorder
    /// How long an unfinished upload is kept.
    public let expiry: Duration

    public init(recorder: ArtifactRecorder, expiry: Duration = .seconds(24 * 3600)) {
        self.recorder = recorder
        self.expiry = expiry
    }

    /// Whether `metadata` asks for a dataset upload.
    static func isDataset(_ metadata: [String: String]) -> Bool { metadata["dataset"] != nil }

    public func admit(_ request: UploadRequest, principal: Principal) async throws -> UploadGrant {
        guard principal.has(.submit) else {
            throw Problem.insufficientScope("uploading a dataset needs the 'submit' scope", scope: .submit)
        }
        let name = request.metadata["dataset"] ?? ""
        if let problem = ArtifactName.problem(with: name) {
            throw Problem(.badRequest, .invalidUploadMetadata, "the dataset name in Upload-Metadata \(problem)")
        }
        let contentType = request.metadata["filetype"] ?? "application/octet-stream"
        let format = try DatasetUpload.format(contentType: contentType, name: name)
        let id = UUID().lowercasedString
        return UploadGrant(
            maxBytes: recorder.maxDatasetBytes, expiresAt: Date().addingTimeInterval(expiry.seconds),
            tags: [
                "purpose": "dataset", "dataset_id": id, "name": name, "content_type": contentType,
                "format": format.rawValue, "link": "/v1/datasets/\(id)",
            ])
    }

    public func complete(_ upload: StagedUpload, file: URL) async throws {
        let tags = upload.grant.tags
        guard let id = tags["dataset_id"].flatMap(UUID.init(uuidString:)), let name = tags["name"],
            let format = tags["format"].flatMap(DatasetFormat.init(rawValue:))
        else { throw Problem.uploadNotFound(upload.id) }
        // A repeated call (the first one's answer was lost) finds the dataset stored.
        if try await recorder.jobs.dataset(id: id) != nil { return }
        let profile: DatasetProfile
        do {
            profile = try await DatasetUpload.profile(of: file, format: format)
        } catch let problem as Problem {
            throw UploadRefused(problem)
        }
        do {
            _ = try await recorder.recordDataset(
                at: file, name: name, contentType: tags["content_type"] ?? "application/octet-stream",
                owner: upload.owner,
                description: try DatasetDescription(profile), producer: nil, id: id)
        } catch let error as ArtifactStorageError {
            throw Problem.uploadStorageFailed("\(error)")
        }
    }

    public func discard(_ upload: StagedUpload) async {}
}

/// The tus uploads of a server: a job's declared file (``JobFileUploads``), or a dataset
/// (``DatasetUploads``) when its metadata says `dataset`.
public struct UploadPurposes: UploadLifecycle {
    public let jobFiles: any UploadLifecycle
    public let datasets: DatasetUploads

    public init(jobFiles: any UploadLifecycle, datasets: DatasetUploads) {
        self.jobFiles = jobFiles
        self.datasets = datasets
    }

    private func lifecycle(of upload: StagedUpload) -> any UploadLifecycle {
        upload.grant.tags["purpose"] == "dataset" ? datasets : jobFiles
    }

    public func admit(_ request: UploadRequest, principal: Principal) async throws -> UploadGrant {
        DatasetUploads.isDataset(request.metadata)
            ? try await datasets.admit(request, principal: principal)
            : try await jobFiles.admit(request, principal: principal)
    }

    public func created(_ upload: StagedUpload) async throws { try await lifecycle(of: upload).created(upload) }

    public func complete(_ upload: StagedUpload, file: URL) async throws {
        try await lifecycle(of: upload).complete(upload, file: file)
    }

    public func discard(_ upload: StagedUpload) async { await lifecycle(of: upload).discard(upload) }
}
