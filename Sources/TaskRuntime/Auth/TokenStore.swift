import Foundation

/// Where API tokens are kept: the job store's database, so every server of a deployment sees the
/// same tokens and a revocation takes effect on the next request.
public protocol TokenStore: Sendable {
    /// Stores `token`; `false` (nothing stored) when another token has its name.
    func createToken(_ token: APIToken) async throws -> Bool
    /// The token with that id, revoked or expired ones included.
    func token(id: String) async throws -> APIToken?
    /// Every token, oldest first.
    func tokens() async throws -> [APIToken]
    /// Revokes the token with that name or id at `now`; returns it, or `nil` when there is none.
    /// Revoking a revoked token keeps its first revocation time.
    func revokeToken(_ nameOrID: String, at now: Date) async throws -> APIToken?
}
