import Logging
import PostgresNIO
import TaskRuntime

/// Keeps one pooled connection `LISTEN`ing on ``PostgresMigrations/readyChannel`` and broadcasts
/// every notified queue name to the store's ``SignalBroadcaster``.
///
/// When the connection drops (a database restart, a network failure) it listens again after a
/// backoff that doubles from 100 ms up to 5 s. Notifications sent while nobody listened are lost;
/// workers also poll, so that costs latency, never jobs.
struct ReadyJobListener: Sendable {
    let client: PostgresClient
    let signals: SignalBroadcaster<String>
    let logger: Logger

    private static let initialBackoff = Duration.milliseconds(100)
    private static let maximumBackoff = Duration.seconds(5)

    /// Listens until cancelled. The outcome of the first attempt (listening, or why it could not)
    /// is yielded to `firstAttempt`, which is then finished.
    func run(reportingFirstAttemptTo firstAttempt: AsyncStream<Result<Void, any Error>>.Continuation) async {
        var pendingReport: AsyncStream<Result<Void, any Error>>.Continuation? = firstAttempt
        defer { pendingReport?.finish() }
        var backoff = Self.initialBackoff
        while !Task.isCancelled {
            do {
                try await client.withConnection { connection in
                    try await connection.listen(on: PostgresMigrations.readyChannel) { notifications in
                        if let report = pendingReport {
                            report.yield(.success(()))
                            report.finish()
                            pendingReport = nil
                        } else {
                            logger.info("listening for ready jobs again")
                        }
                        backoff = Self.initialBackoff
                        for try await notification in notifications {
                            signals.broadcast(notification.payload)
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
                        "the ready-job listener lost its connection; listening again",
                        metadata: ["error": "\(String(reflecting: error))", "retryIn": "\(backoff)"])
                }
            }
            try? await Task.sleep(for: backoff)
            backoff = min(backoff * 2, Self.maximumBackoff)
        }
    }
}
