import Datasets
import Foundation
import Hummingbird
import TaskArtifacts
import TaskRuntime

/// Datasets: storing one (its bytes an artifact, its profile read once), finding and listing those
/// the principal owns, deleting one no unfinished job reads, and checking the datasets a submitted
/// input names. Storing needs the `submit` scope, reading `read`, deleting `cancel`; another
/// principal's dataset answers `404 dataset_not_found` (`admin` sees every one).
extension TaskOperations {
    /// Stores the request's body as a dataset: spooled to a scratch file, read once for its profile
    /// (a malformed file is `422 invalid_dataset` with the line), then stored with its size and
    /// SHA-256. Nothing is kept when any step fails.
    public func storeDataset(_ request: Request, context: TaskRequestContext) async throws -> Dataset {
        let principal = try context.principal(holding: .submit)
        let upload = try DatasetUpload(request)
        let limit = configuration.maxDatasetBytes
        if let length = request.headers[.contentLength].flatMap(Int64.init), length > limit {
            throw DatasetUpload.tooLarge(limit: limit)
        }
        try FileManager.default.createDirectory(at: configuration.scratchDirectory, withIntermediateDirectories: true)
        let scratch = configuration.scratchDirectory.appendingPathComponent(
            "taskforge-dataset-\(UUID().lowercasedString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        try await DatasetUpload.spool(request.body, to: scratch, limit: limit)
        let profile = try await upload.profile(of: scratch)
        let description = try DatasetDescription(profile)
        let dataset = try await storageFailures {
            try await recorder.recordDataset(
                at: scratch, name: upload.name, contentType: upload.contentType, owner: principal.tokenID,
                description: description, producer: nil)
        }
        context.logger.info(
            "dataset stored",
            metadata: [
                "datasetId": "\(dataset.id.lowercasedString)", "size": "\(dataset.artifact.size)",
                "rows": "\(dataset.rowCount)",
            ])
        return dataset
    }

    /// The dataset with `id` if the principal may read it; otherwise `404 dataset_not_found`.
    public func dataset(id: String, scope: TokenScope = .read, context: TaskRequestContext) async throws -> Dataset {
        let principal = try context.principal(holding: scope)
        guard let uuid = UUID(uuidString: id), let dataset = try await store.dataset(id: uuid),
            principal.ownerFilter == nil || dataset.owner == principal.tokenID
        else { throw Self.datasetNotFound(id) }
        return dataset
    }

    /// The principal's datasets (every one for `admin`), newest first.
    public func datasets(matching query: DatasetQuery, context: TaskRequestContext) async throws -> DatasetPage {
        let principal = try context.principal(holding: .read)
        var query = query
        query.owner = principal.ownerFilter
        return try await store.datasets(matching: query)
    }

    /// Deletes the dataset with `id` and its bytes (`cancel` scope); `409 dataset_in_use` while an
    /// unfinished job reads it, with `jobs` naming them.
    public func deleteDataset(id: String, context: TaskRequestContext) async throws -> Dataset {
        let dataset = try await dataset(id: id, scope: .cancel, context: context)
        switch try await store.deleteDataset(id: dataset.id) {
        case .deleted(let deleted):
            // The records are gone first: bytes left behind by a failed delete are garbage, never a
            // dataset without bytes.
            do {
                try await recorder.store.delete(key: deleted.artifact.storageKey)
            } catch {
                context.logger.warning(
                    "dataset bytes not deleted",
                    metadata: ["datasetId": "\(deleted.id.lowercasedString)", "error": "\(error)"])
            }
            return deleted
        case .inUse(_, let jobs):
            throw Problem(
                .conflict, .datasetInUse,
                "unfinished jobs read this dataset; cancel them or wait for them to finish before deleting it",
                extensions: ["jobs": .array(jobs.map { .string($0.lowercasedString) })])
        case .notFound:
            throw Self.datasetNotFound(id)
        }
    }

    /// Checks that every dataset `job`'s input names exists and is the principal's (`admin`: any):
    /// `404 dataset_not_found` with `pointer` at the first that is not.
    func checkDatasets(of job: NewJob, context: TaskRequestContext) async throws {
        guard !job.datasets.isEmpty else { return }
        let principal = try context.principal(holding: .read)
        for id in job.datasets {
            let dataset = try await store.dataset(id: id)
            guard let dataset, principal.ownerFilter == nil || dataset.owner == principal.tokenID else {
                throw datasetNotFound(id, in: job)
            }
        }
    }

    /// `404 dataset_not_found` for dataset `id` of `job`, pointing at where its input names it.
    func datasetNotFound(_ id: UUID, in job: NewJob) -> Problem {
        let schema = catalog.entry(named: job.task)?.definition.input
        let pointer = schema?.datasetReferences(in: job.input).first { UUID(uuidString: $0.id) == id }?.pointer
        var problem = Self.datasetNotFound(id.lowercasedString)
        if let pointer { problem.extensions["pointer"] = .string(pointer) }
        return problem
    }

    static func datasetNotFound(_ id: String) -> Problem {
        Problem(.notFound, .datasetNotFound, "no dataset with id '\(id)'")
    }

    /// A dataset in the JSON form of `GET /v1/datasets/{id}`.
    public func json(_ dataset: Dataset) -> JSONValue {
        DatasetResource.json(dataset)
    }
}

extension DatasetDescription {
    /// The description of a profiled file, its profile in JSON with snake_case keys (`row_count`,
    /// `columns[].null_count`, `preview`), as the API shows it and handlers decode it.
    init(_ profile: DatasetProfile) throws {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let data = try encoder.encode(profile)
        self.init(format: profile.format.rawValue, rowCount: profile.rowCount, profile: try JSONValue(json: data))
    }
}
