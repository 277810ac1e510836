import Foundation
import PostgresNIO
import TaskRuntime

extension PostgresJobStore {
    public func createToken(_ token: APIToken) async throws -> Bool {
        try await !rows(
            """
            INSERT INTO api_tokens (id, name, secret_hash, scopes, tasks, created_at, expires_at)
            VALUES (\(token.id), \(token.name), \(token.secretHash), \(TokenColumns.scopes(token.scopes)),
                \(token.tasks.map(TokenColumns.tasks)), \(token.createdAt), \(token.expiresAt))
            ON CONFLICT DO NOTHING RETURNING id
            """
        ).isEmpty
    }

    public func token(id: String) async throws -> APIToken? {
        try await rows("SELECT * FROM api_tokens WHERE id = \(id)").first.map(Self.token(row:))
    }

    public func tokens() async throws -> [APIToken] {
        try await rows("SELECT * FROM api_tokens ORDER BY created_at, id").map(Self.token(row:))
    }

    public func revokeToken(_ nameOrID: String, at now: Date) async throws -> APIToken? {
        try await rows(
            """
            UPDATE api_tokens SET revoked_at = COALESCE(revoked_at, \(now))
            WHERE id = \(nameOrID) OR (name = \(nameOrID) AND NOT EXISTS (SELECT 1 FROM api_tokens WHERE id = \(nameOrID)))
            RETURNING *
            """
        ).first.map(Self.token(row:))
    }

    private static func token(row: PostgresRow) throws -> APIToken {
        let row = row.makeRandomAccess()
        return APIToken(
            id: try row.decode("id", as: String.self), name: try row.decode("name", as: String.self),
            secretHash: try row.decode("secret_hash", as: String.self),
            scopes: try TokenColumns.scopes(try row.decode("scopes", as: String.self)),
            tasks: try row.decode("tasks", as: String?.self).map(TokenColumns.tasks),
            createdAt: try row.decode("created_at", as: Date.self),
            expiresAt: try row.decode("expires_at", as: Date?.self),
            revokedAt: try row.decode("revoked_at", as: Date?.self))
    }
}
