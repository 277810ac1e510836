import Foundation

/// Where a worker gets a job's uploaded files and its earlier stages' artifacts before an attempt:
/// local, readable copies that live until the attempt ends.
public protocol InputFileSource: Sendable {
    /// Local copies, in a place of their own for this attempt, of the complete uploaded files of job
    /// `jobID` by declared name (when `uploads`), of the datasets it reads (when `datasets`) by
    /// dataset ID, and of the artifacts written by the successful attempts of `completedStages` by
    /// artifact ID; call ``release(_:)`` with the result when the attempt ends.
    func fetch(jobID: UUID, uploads: Bool, datasets: Bool, completedStages: [StageResult]) async throws -> InputFiles

    /// Removes what ``fetch(jobID:uploads:datasets:completedStages:)`` made for an attempt.
    func release(_ files: InputFiles) async
}
