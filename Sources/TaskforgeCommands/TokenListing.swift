import Foundation
import TaskRuntime

/// The text `taskforge token list` prints: one line per token, never a secret.
enum TokenListing {
    static func render(_ tokens: [APIToken], now: Date) -> String {
        guard !tokens.isEmpty else { return "No API tokens: servers on loopback run without authentication.\n" }
        let rows = tokens.map { token in
            [
                token.id, token.name, token.scopes.sorted().map(\.rawValue).joined(separator: ","),
                token.tasks?.joined(separator: ",") ?? "*", token.createdAt.formatted(.iso8601),
                token.expiresAt?.formatted(.iso8601) ?? "never", status(token, now: now),
            ]
        }
        let header = ["ID", "NAME", "SCOPES", "TASKS", "CREATED", "EXPIRES", "STATUS"]
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        return ([header] + rows).map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  ") + "\n"
        }.joined()
    }

    private static func status(_ token: APIToken, now: Date) -> String {
        if let revoked = token.revokedAt { return "revoked \(revoked.formatted(.iso8601))" }
        return token.isActive(at: now) ? "active" : "expired"
    }
}
