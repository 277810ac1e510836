import Foundation
import HTTPTypes
import Hummingbird
import TaskRuntime

/// Resolves `Authorization: Bearer <token>` into the request's ``Principal``. Health checks, the
/// OpenAPI document and `/metrics` are public; every other request needs a token that exists, is
/// neither revoked nor expired, and whose secret matches (compared in constant time). Tokens are
/// never logged.
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = TaskRequestContext

    let authentication: Authentication
    let tokens: any TokenStore
    static let publicPaths: Set<String> = ["/healthz", "/readyz", "/openapi.json", "/metrics"]
    /// Further public paths: the health checks of the application's route profiles.
    var extraPublicPaths: Set<String> = []

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var context = context
        if authentication == .off {
            context.principal = .local
        } else if !Self.publicPaths.contains(request.uri.path) && !extraPublicPaths.contains(request.uri.path) {
            context.principal = try await principal(presenting: request.headers[.authorization])
        }
        return try await next(request, context)
    }

    private func principal(presenting authorization: String?) async throws -> Principal {
        guard let authorization else { throw Problem.authenticationRequired() }
        let parts = authorization.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw Problem.invalidToken("the Authorization header must be 'Bearer <token>'")
        }
        guard let secret = TokenSecret(presented: parts[1].trimmingCharacters(in: .whitespaces)),
            let token = try await tokens.token(id: secret.id), secret.matches(token)
        else { throw Problem.invalidToken("the token is not valid") }
        guard token.isActive(at: Date()) else {
            throw Problem.invalidToken(token.revokedAt != nil ? "the token was revoked" : "the token has expired")
        }
        return Principal(token: token)
    }
}
