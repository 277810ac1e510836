import Foundation
import Logging
import PostgresNIO
import TaskRuntime

/// This process's interest in the store's changes: while any change feed is open
/// (``PostgresJobStore/changeFeed()``), its row in `change_watchers` is kept from expiring, and the
/// triggers of migration 18 notify every listener of each statement that changes jobs, workers or
/// queue pauses. With no feed open anywhere the rows expire and the engine sends nothing.
struct ChangeWatch: Sendable {
    let client: PostgresClient
    let changes: SignalBroadcaster<Void>
    let logger: Logger
    let id =
        "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier):\(UUID().lowercasedString.prefix(8))"

    /// How long a row keeps the notifications coming without renewal, and how often it is renewed.
    static let lifetime = Duration.seconds(60)
    static let renewal = Duration.seconds(20)

    /// Writes (or extends) the row, and clears rows that expired an hour ago (processes gone).
    func register() async throws {
        let seconds = Double(Self.lifetime.components.seconds)
        try await client.rows(
            """
            WITH gone AS (DELETE FROM change_watchers WHERE expires_at < now() - interval '1 hour')
            INSERT INTO change_watchers (id, expires_at) VALUES (\(id), now() + make_interval(secs => \(seconds)))
            ON CONFLICT (id) DO UPDATE SET expires_at = excluded.expires_at
            """, logger: logger)
    }

    /// Renews the row while a feed is open, until cancelled.
    func run() async {
        while !Task.isCancelled {
            try? await Task.sleep(for: Self.renewal)
            guard changes.hasSubscribers, !Task.isCancelled else { continue }
            do {
                try await register()
            } catch {
                logger.warning("could not renew the change watch", metadata: ["error": "\(String(reflecting: error))"])
            }
        }
    }
}
