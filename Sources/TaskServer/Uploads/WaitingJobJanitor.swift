import Foundation
import Logging
import ServiceLifecycle
import TaskRuntime

/// Fails the jobs that waited for their files longer than ``JobFileUploads/waitingExpiry``
/// (`files_missing`) and removes expired uploads with their staged bytes, once a minute.
public struct WaitingJobJanitor: Service {
    public let uploads: UploadStaging
    public let store: any JobStore
    public let waitingExpiry: Duration
    public let interval: Duration
    public let logger: Logger

    public init(
        uploads: UploadStaging, store: any JobStore, waitingExpiry: Duration, interval: Duration = .seconds(60),
        logger: Logger
    ) {
        self.uploads = uploads
        self.store = store
        self.waitingExpiry = waitingExpiry
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            await sweep(now: Date())
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }

    /// One pass: expires waiting jobs created before `now - waitingExpiry`, then expired uploads.
    public func sweep(now: Date) async {
        do {
            let expired = try await store.expireWaitingJobs(
                createdBefore: now.addingTimeInterval(-waitingExpiry.seconds))
            for job in expired {
                logger.notice(
                    "job expired waiting for its files",
                    metadata: [
                        "jobId": "\(job.id.lowercasedString)", "taskName": "\(job.task)",
                        "taskVersion": "\(job.version)",
                        "code": "\(ErrorCode.filesMissing)",
                    ])
            }
            try await uploads.removeExpired(now: now, logger: logger)
        } catch {
            logger.error("expiring waiting jobs and uploads failed", metadata: ["error": "\(error)"])
        }
    }
}
