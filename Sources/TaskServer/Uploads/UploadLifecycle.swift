import Foundation
import TaskRuntime

/// What uploads are for: decides whether one may start and takes the bytes when it completes.
///
/// The tus layer (``UploadStaging`` and the `/v1/uploads/` routes) calls it; the job side
/// implements it. Every call for one upload happens under that upload's lock, so calls for one
/// upload never overlap.
public protocol UploadLifecycle: Sendable {
    /// Called by creation before any byte is stored. Throws a `Problem` to refuse (unknown job 404,
    /// job not waiting 409, undeclared file 404, too large 413, ...).
    func admit(_ request: UploadRequest, principal: Principal) async throws -> UploadGrant
    /// Called once the admitted upload exists (its id is known), before any byte is stored.
    func created(_ upload: StagedUpload) async throws
    /// Called once, after the last byte arrived (offset == length), with the staged file; the
    /// staging copy is removed after it returns. A thrown error answers the PATCH with that
    /// problem; the upload then stays complete and the call is repeated on the next PATCH or HEAD
    /// (a storage failure may pass). ``UploadRefused`` instead refuses the bytes for good: they are
    /// removed, and every later PATCH or HEAD answers its problem without calling again.
    func complete(_ upload: StagedUpload, file: URL) async throws
    /// Called when an upload is terminated or expires before completing (and when creation refuses
    /// an admitted upload whose `Upload-Length` is above the grant's ``UploadGrant/maxBytes``).
    func discard(_ upload: StagedUpload) async
}

/// Thrown by ``UploadLifecycle/complete(_:file:)`` when the bytes can never be taken (a dataset
/// that cannot be read): the problem answers the upload from then on.
public struct UploadRefused: Error, Sendable {
    public var problem: Problem

    public init(_ problem: Problem) {
        self.problem = problem
    }
}

extension UploadLifecycle {
    /// Nothing to record by default.
    public func created(_ upload: StagedUpload) async throws {}
}
