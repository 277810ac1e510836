import Foundation

/// Where a worker gets a job's uploaded files before an attempt: local, readable copies (or the
/// files themselves, for local storage) that live until the attempt ends.
public protocol InputFileSource: Sendable {
    /// The complete files of job `jobID` as local URLs, by declared name, in a place of their own
    /// for this attempt; call ``release(_:)`` with the result when the attempt ends.
    func fetch(jobID: UUID) async throws -> InputFiles

    /// Removes what ``fetch(jobID:)`` made for an attempt.
    func release(_ files: InputFiles) async
}
