import Foundation
import Logging
import PostgresNIO
import TaskRuntime

/// Keeps one pooled connection `LISTEN`ing on the store's channels and broadcasts what arrives:
/// queue names sent on ``PostgresMigrations/readyChannel`` to `ready`, ids of running jobs
/// asked to cancel, sent on ``PostgresMigrations/cancelChannel``, to `cancels`, and each change
/// sent on ``PostgresMigrations/changesChannel`` to `changes`.
///
/// When the connection drops (a database restart, a network failure) it listens again after a
/// backoff that doubles from 100 ms up to 5 s. Notifications sent while nobody listened are lost;
/// workers also poll and heartbeat, so that costs latency, never jobs.
struct NotificationListener: Sendable {
    let client: PostgresClient
    let ready: SignalBroadcaster<String>
    let cancels: SignalBroadcaster<UUID>
    let changes: SignalBroadcaster<Void>
    let logger: Logger

    private static let initialBackoff = Duration.milliseconds(100)
    private static let maximumBackoff = Duration.seconds(5)

    /// Listens until cancelled. The outcome of the first attempt (listening on both channels, or
    /// why it could not) is yielded to `firstAttempt`, which is then finished.
    func run(reportingFirstAttemptTo firstAttempt: AsyncStream<Result<Void, any Error>>.Continuation) async {
        var pendingReport: AsyncStream<Result<Void, any Error>>.Continuation? = firstAttempt
        defer { pendingReport?.finish() }
        var backoff = Self.initialBackoff
        while !Task.isCancelled {
            do {
                try await client.withConnection { connection in
                    try await connection.listen(on: PostgresMigrations.readyChannel) { readyNotifications in
                        try await connection.listen(on: PostgresMigrations.cancelChannel) { cancelNotifications in
                            try await connection.listen(on: PostgresMigrations.changesChannel) { changeNotifications in
                                if let report = pendingReport {
                                    report.yield(.success(()))
                                    report.finish()
                                    pendingReport = nil
                                } else {
                                    logger.info("listening for notifications again")
                                    // Whatever changed while nobody listened is shown by a fresh render.
                                    changes.broadcast(())
                                }
                                backoff = Self.initialBackoff
                                try await forward(readyNotifications, cancelNotifications, changeNotifications)
                            }
                        }
                    }
                }
            } catch {
                if let report = pendingReport {
                    report.yield(.failure(error))
                    report.finish()
                    pendingReport = nil
                } else if !Task.isCancelled {
                    logger.warning(
                        "the notification listener lost its connection; listening again",
                        metadata: ["error": "\(String(reflecting: error))", "retryIn": "\(backoff)"])
                }
            }
            try? await Task.sleep(for: backoff)
            backoff = min(backoff * 2, Self.maximumBackoff)
        }
    }

    /// Broadcasts the channels' notifications until any sequence ends (the connection is gone).
    private func forward(
        _ readyNotifications: PostgresNotificationSequence, _ cancelNotifications: PostgresNotificationSequence,
        _ changeNotifications: PostgresNotificationSequence
    ) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for try await notification in readyNotifications {
                    ready.broadcast(notification.payload)
                }
            }
            group.addTask {
                for try await notification in cancelNotifications {
                    if let id = UUID(uuidString: notification.payload) { cancels.broadcast(id) }
                }
            }
            group.addTask {
                for try await _ in changeNotifications {
                    changes.broadcast(())
                }
            }
            defer { group.cancelAll() }
            try await group.next()
        }
    }
}
