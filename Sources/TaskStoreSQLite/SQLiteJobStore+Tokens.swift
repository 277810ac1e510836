import Foundation
import SQLiteNIO
import TaskRuntime

extension SQLiteJobStore {
    public func createToken(_ token: APIToken) async throws -> Bool {
        try await !connection.query(
            """
            INSERT INTO api_tokens (id, name, secret_hash, scopes, tasks, created_at, expires_at)
            VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id
            """,
            [
                .text(token.id), .text(token.name), .text(token.secretHash), .text(TokenColumns.scopes(token.scopes)),
                token.tasks.map { .text(TokenColumns.tasks($0)) } ?? .null, .integer(Int(token.createdAt.microseconds)),
                token.expiresAt.map { .integer(Int($0.microseconds)) } ?? .null,
            ]
        ).isEmpty
    }

    public func token(id: String) async throws -> APIToken? {
        try await connection.query("SELECT * FROM api_tokens WHERE id = ?", [.text(id)]).first.map(Self.token(row:))
    }

    public func tokens() async throws -> [APIToken] {
        try await connection.query("SELECT * FROM api_tokens ORDER BY created_at, id").map(Self.token(row:))
    }

    public func revokeToken(_ nameOrID: String, at now: Date) async throws -> APIToken? {
        try await connection.query(
            """
            UPDATE api_tokens SET revoked_at = COALESCE(revoked_at, ?1)
            WHERE id = ?2 OR (name = ?2 AND NOT EXISTS (SELECT 1 FROM api_tokens WHERE id = ?2))
            RETURNING *
            """, [.integer(Int(now.microseconds)), .text(nameOrID)]
        ).first.map(Self.token(row:))
    }

    private static func token(row: SQLiteRow) throws -> APIToken {
        APIToken(
            id: try row.required("id", \.string), name: try row.required("name", \.string),
            secretHash: try row.required("secret_hash", \.string),
            scopes: try TokenColumns.scopes(try row.required("scopes", \.string)),
            tasks: row.optional("tasks", \.string).map(TokenColumns.tasks), createdAt: try row.date("created_at"),
            expiresAt: row.optionalDate("expires_at"), revokedAt: row.optionalDate("revoked_at"))
    }
}
