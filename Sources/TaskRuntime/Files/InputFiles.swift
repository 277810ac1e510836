import Foundation

/// A job's uploaded files as local, readable file URLs, by declared name: the untyped form the
/// worker fills in before an attempt and the generated `Files` type of each task reads. For a later
/// stage of a multi-stage task it also holds the artifacts the earlier stages wrote, by artifact ID.
public struct InputFiles: Sendable, Hashable {
    public private(set) var urls: [String: URL]
    /// Local copies of the artifacts earlier stages of the job wrote in their successful attempts.
    public private(set) var stageArtifacts: [UUID: URL]

    public init(_ urls: [String: URL] = [:], stageArtifacts: [UUID: URL] = [:]) {
        self.urls = urls
        self.stageArtifacts = stageArtifacts
    }

    /// Whether there is nothing to hand the attempt.
    public var isEmpty: Bool { urls.isEmpty && stageArtifacts.isEmpty }

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
            throw TaskError.permanent(.filesMissing, "the required input file '\(name)' is not available to this attempt")
        }
        return url
    }

    /// The optional file `name`, or `nil` when it was not uploaded.
    public func optional(_ name: String) -> URL? {
        urls[name]
    }
}
