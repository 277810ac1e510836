import Foundation
import TaskRuntime

/// Checks an API token against the store: the bearer header's check, and the dashboard's when a
/// person signs in with a token and each time its session is used.
public struct TokenVerifier: Sendable {
    public let tokens: any TokenStore

    public init(tokens: any TokenStore) {
        self.tokens = tokens
    }

    /// The holder of the token whose full text is `presented`: it must exist, be neither revoked nor
    /// expired, and its secret must match (compared in constant time). `401 invalid_token` otherwise.
    public func principal(presenting presented: String) async throws -> Principal {
        guard let secret = TokenSecret(presented: presented), let token = try await tokens.token(id: secret.id),
            secret.matches(token)
        else { throw Problem.invalidToken("the token is not valid") }
        return try active(token)
    }

    /// The holder of the token with `id`, if it is still active: a session made with a token ends when
    /// the token is revoked or expires. `401 invalid_token` otherwise.
    public func principal(tokenID id: String) async throws -> Principal {
        guard let token = try await tokens.token(id: id) else { throw Problem.invalidToken("the token is not valid") }
        return try active(token)
    }

    private func active(_ token: APIToken) throws -> Principal {
        guard token.isActive(at: Date()) else {
            throw Problem.invalidToken(token.revokedAt != nil ? "the token was revoked" : "the token has expired")
        }
        return Principal(token: token)
    }
}
