import Foundation

/// A job's uploaded files as local, readable file URLs, by declared name: the untyped form the
/// worker fills in before an attempt and the generated `Files` type of each task reads. For a later
/// stage of a multi-stage task it also holds the artifacts the earlier stages wrote, by artifact ID.
public struct InputFiles: Sendable, Hashable {
    public private(set) var urls: [String: URL]
    /// Local copies of the artifacts earlier stages of the job wrote in their successful attempts.
    public private(set) var stageArtifacts: [UUID: URL]
    /// Local copies of the datasets the job's input names, by dataset ID.
    public private(set) var datasets: [UUID: DatasetFile]
    /// The directory the copies were made in, which ``InputFileSource/release(_:)`` removes.
    public private(set) var directory: URL?

    public init(
        _ urls: [String: URL] = [:], stageArtifacts: [UUID: URL] = [:], datasets: [UUID: DatasetFile] = [:],
        directory: URL? = nil
    ) {
        self.urls = urls
        self.stageArtifacts = stageArtifacts
        self.datasets = datasets
        self.directory = directory
    }

    /// Whether there is nothing to hand the attempt.
    public var isEmpty: Bool { urls.isEmpty && stageArtifacts.isEmpty && datasets.isEmpty }

    /// The local copy of dataset `id`, which the job's input names (a property of `format: dataset`);
    /// the submit checked it exists and it cannot be deleted while the job is unfinished, so its absence
    /// is a permanent failure.
    public func dataset(_ id: String) throws -> DatasetFile {
        guard let uuid = UUID(uuidString: id), let file = datasets[uuid] else {
            throw TaskError.permanent(.filesMissing, "dataset \(id.lowercased()) is not available to this attempt")
        }
        return file
    }

    /// The local copy of artifact `id`, which an earlier stage of this job wrote in its successful
    /// attempt. Its absence means the stage handed over an artifact it did not write, or the bytes
    /// were lost: a permanent failure.
    public func stageArtifact(_ id: UUID) throws -> URL {
        guard let url = stageArtifacts[id] else {
            throw TaskError.permanent(
                .filesMissing, "artifact \(id.uuidString.lowercased()) was not written by an earlier stage of this job")
        }
        return url
    }

    /// The file `name`, which the task declares required; a job never starts without it, so its
    /// absence means the job's files were lost, a permanent failure.
    public func required(_ name: String) throws -> URL {
        guard let url = urls[name] else {
            throw TaskError.permanent(
                .filesMissing, "the required input file '\(name)' is not available to this attempt")
        }
        return url
    }

    /// The optional file `name`, or `nil` when it was not uploaded.
    public func optional(_ name: String) -> URL? {
        urls[name]
    }
}

/// A dataset a job reads, copied to a local file for its attempt.
public struct DatasetFile: Sendable, Hashable, Codable {
    public var id: UUID
    /// The local copy, readable until the attempt ends.
    public var url: URL
    /// Its name when it was stored, and the SHA-256 of its bytes (the copy was checked against it).
    public var name: String
    public var sha256: String
    /// `csv` or `jsonl`.
    public var format: String
    /// The profile recorded when it was stored (``Dataset/profile``): columns with their inferred
    /// types and null counts, and the first rows.
    public var profile: JSONValue

    public init(id: UUID, url: URL, name: String, sha256: String, format: String, profile: JSONValue) {
        self.id = id
        self.url = url
        self.name = name
        self.sha256 = sha256
        self.format = format
        self.profile = profile
    }
}
