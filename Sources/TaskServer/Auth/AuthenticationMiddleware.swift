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
    /// Path prefixes whose routes authenticate requests themselves (``RouteSet/selfAuthenticatedPrefix``).
    var selfAuthenticatedPrefixes: [String] = []

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var context = context
        if authentication == .off {
            context.principal = .local
        } else if !isPublic(request.uri.path) {
            context.principal = try await principal(presenting: request.headers[.authorization])
        }
        return try await next(request, context)
    }

    private func isPublic(_ path: String) -> Bool {
        Self.publicPaths.contains(path) || extraPublicPaths.contains(path)
            || selfAuthenticatedPrefixes.contains { path == $0 || path.hasPrefix($0 + "/") }
    }

    /// The principal `Authorization: Bearer <token>` names: `401` when absent or not valid.
    private func principal(presenting authorization: String?) async throws -> Principal {
        guard let authorization else { throw Problem.authenticationRequired() }
        let parts = authorization.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw Problem.invalidToken("the Authorization header must be 'Bearer <token>'")
        }
        return try await TokenVerifier(tokens: tokens).principal(
            presenting: parts[1].trimmingCharacters(in: .whitespaces))
    }
}
