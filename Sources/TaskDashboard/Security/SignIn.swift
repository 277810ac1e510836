import Foundation
import Hummingbird
import TaskRuntime
import TaskServer

/// Signing in with an API token and out again. The token's secret is checked once, here, and never
/// kept: the session remembers only the token's id. The sign-in form is itself behind a CSRF token
/// (of the anonymous session the visitor got with the form).
struct SignIn: Sendable {
    let verifier: TokenVerifier
    let signer: SessionSigner
    let paths: Paths
    let configuration: DashboardConfiguration
    let authentication: Authentication

    @Sendable func page(_ request: Request, context: DashboardContext) async throws -> Response {
        guard authentication != .off else { return Response(status: .seeOther, headers: [.location: paths.root]) }
        return form(next: request.uri.queryParameters["next"].map(String.init), context: context, error: nil)
    }

    @Sendable func submit(_ request: Request, context: DashboardContext) async throws -> Response {
        let fields = context.form
        let next = paths.pageOrOverview(fields["next"])
        guard authentication != .off else { return Response(status: .seeOther, headers: [.location: next]) }
        let principal: Principal
        do {
            principal = try await verifier.principal(
                presenting: (fields["token"] ?? "").trimmingCharacters(in: .whitespaces))
        } catch let problem as Problem {
            context.logger.notice("dashboard sign-in refused", metadata: ["code": "\(problem.code.rawValue)"])
            return form(next: next, context: context, error: problem.detail)
        }
        let session = DashboardSession(tokenID: principal.tokenID, lifetime: configuration.sessionLifetime)
        context.logger.notice("dashboard sign-in", metadata: ["token": "\(principal.tokenID ?? "-")"])
        var response = Response(status: .seeOther, headers: [.location: next])
        response.setCookie(cookie(session, request))
        return response
    }

    @Sendable func signOut(_ request: Request, context: DashboardContext) async throws -> Response {
        var response = Response(status: .seeOther, headers: [.location: paths.signIn])
        response.setCookie(cookie(DashboardSession(tokenID: nil, lifetime: configuration.sessionLifetime), request))
        return response
    }

    private func cookie(_ session: DashboardSession, _ request: Request) -> Cookie {
        Cookie(
            name: DashboardSession.cookieName, value: signer.cookieValue(session), expires: session.expires,
            path: paths.root, secure: DashboardMiddleware.isSecure(request), httpOnly: true, sameSite: .strict)
    }

    private func form(next: String?, context: DashboardContext, error: String?) -> Response {
        let page: HTML = """
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="color-scheme" content="light dark">
            <title>Sign in · Taskforge</title>
            <link rel="stylesheet" href="\(paths.asset("dashboard.css"))"></head>
            <body><main id="main" class="sign-in">
            <h1>Taskforge</h1>
            \(error.map { "<p class=\"problem\" role=\"alert\">\($0)</p>" as HTML })
            <form method="post" action="\(paths.signIn)">
            <input type="hidden" name="csrf" value="\(context.csrfToken)">
            <input type="hidden" name="next" value="\(paths.pageOrOverview(next))">
            <label for="token">API token</label>
            <input id="token" name="token" type="password" autocomplete="current-password" required spellcheck="false">
            <p class="muted">A token made with <code>taskforge token create</code>. A <code>read</code> token sees its own
            jobs; an <code>admin</code> token sees and acts on everything.</p>
            <button type="submit">Sign in</button>
            </form>
            </main></body></html>

            """
        return .html(page, status: error == nil ? .ok : .unauthorized)
    }
}
