import Foundation

/// A dataset: an immutable table of rows (CSV or JSON Lines) that jobs read by id.
///
/// Its bytes are an ``Artifact`` with the same id (so they are downloaded, presigned and kept like
/// any artifact, and a dataset written by a job carries that job's lineage); the dataset adds who
/// owns it and the profile read once when it was stored.
public struct Dataset: Sendable, Hashable {
    /// The stored bytes: name, content type, size, SHA-256, storage key, and the job that wrote it
    /// (`nil` producer for an upload).
    public var artifact: Artifact
    /// The id of the API token that stored it (for a job's output, the job's owner); `nil` without
    /// authentication.
    public var owner: String?
    /// `csv` or `jsonl` (gzip-compressed or not).
    public var format: String
    public var rowCount: Int
    /// The profile recorded when it was stored: `columns` (name, inferred type, null count) and
    /// `preview` (the first rows), in the JSON form of the `Datasets` module's `DatasetProfile`.
    public var profile: JSONValue

    public init(artifact: Artifact, owner: String?, format: String, rowCount: Int, profile: JSONValue) {
        self.artifact = artifact
        self.owner = owner
        self.format = format
        self.rowCount = rowCount
        self.profile = profile
    }

    public var id: UUID { artifact.id }
}

/// A dataset as one job read it: the job's input lineage, kept after the dataset is deleted.
public struct JobDataset: Sendable, Hashable {
    public var id: UUID
    public var name: String
    public var sha256: String
    public var size: Int64

    public init(id: UUID, name: String, sha256: String, size: Int64) {
        self.id = id
        self.name = name
        self.sha256 = sha256
        self.size = size
    }
}

/// Filters and paging for ``DatasetStore/datasets(matching:)``: newest first.
public struct DatasetQuery: Sendable, Hashable {
    /// Only the datasets of this owner (a token id); `nil` for every dataset.
    public var owner: String?
    public var limit: Int
    /// The cursor of the page before: datasets stored before this position.
    public var before: Int64?

    public init(owner: String? = nil, limit: Int = 50, before: Int64? = nil) {
        self.owner = owner
        self.limit = limit
        self.before = before
    }
}

/// A page of datasets and the cursor of the next (`nil` on the last page).
public struct DatasetPage: Sendable, Hashable {
    public var datasets: [Dataset]
    public var nextBefore: Int64?

    public init(datasets: [Dataset], nextBefore: Int64?) {
        self.datasets = datasets
        self.nextBefore = nextBefore
    }
}

/// How ``DatasetStore/deleteDataset(id:)`` ended.
public enum DatasetDeletion: Sendable, Hashable {
    /// Its records are gone; the caller deletes its bytes.
    case deleted(Dataset)
    /// Unfinished jobs (`waiting`, `pending` or `running`) read it; nothing changed. At most 10 ids.
    case inUse(Dataset, jobs: [UUID])
    case notFound
}

/// A job names a dataset that does not exist (or was deleted while the job was submitted); no job
/// of the batch was inserted.
public struct DatasetNotFound: Error, Sendable, Hashable, CustomStringConvertible {
    public var id: UUID

    public init(id: UUID) {
        self.id = id
    }

    public var description: String { "no dataset with id '\(id.lowercasedString)'" }
}

/// Where datasets are recorded: part of every ``JobStore``, in the same database as the jobs that
/// read them, so that a job's link to its datasets and a dataset's deletion exclude each other.
public protocol DatasetStore: Sendable {
    /// Records `dataset` and its artifact in one transaction; its bytes are already stored.
    func recordDataset(_ dataset: Dataset) async throws

    /// The dataset with `id`, or `nil`.
    func dataset(id: UUID) async throws -> Dataset?

    /// A page of datasets, newest first.
    func datasets(matching query: DatasetQuery) async throws -> DatasetPage

    /// The datasets job `id` reads, as they were when it was submitted (they may have been deleted since).
    func datasets(readBy jobID: UUID) async throws -> [JobDataset]

    /// Deletes the records of dataset `id` unless an unfinished job reads it, atomically with respect
    /// to ``JobStore/enqueue(_:)``: a job submitted concurrently either sees the dataset gone (and is
    /// refused with ``DatasetNotFound``) or holds it (and the deletion is refused as in use).
    func deleteDataset(id: UUID) async throws -> DatasetDeletion
}
