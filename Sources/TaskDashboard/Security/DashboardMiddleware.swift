import Foundation
import HTTPTypes
import Hummingbird
import TaskRuntime
import TaskServer

/// Runs before every dashboard route: resolves the browser's session and who it is, refuses a form
/// without its CSRF token, renders every refusal as a page (with the API's stable code), and sets the
/// security headers.
///
/// - Without tokens (a loopback server that has none) everyone is ``Principal/local``, as on the API;
///   sessions then exist only to carry CSRF tokens.
/// - With tokens, a session signed in with a token acts as that token, checked again on every request
///   (a revoked token's sessions end at once). Pages ask an anonymous visitor to sign in; actions
///   answer `401`.
struct DashboardMiddleware: RouterMiddleware {
    typealias Context = DashboardContext

    let configuration: DashboardConfiguration
    let signer: SessionSigner
    let verifier: TokenVerifier
    let authentication: Authentication
    let paths: Paths

    /// Script and style only from the dashboard's own files: no inline script, style or handler can run.
    static let contentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var request = request
        var context = context
        if let host = request.head.authority { context.host = host }
        let existing = request.cookies[DashboardSession.cookieName].flatMap { cookie in
            signer.session(fromCookie: cookie.value).map { (session: $0, cookie: cookie.value) }
        }
        var session = existing?.session ?? DashboardSession(tokenID: nil, lifetime: configuration.sessionLifetime)
        var response: Response
        do {
            if authentication != .off {
                context.api.principal = nil
                if let tokenID = session.tokenID {
                    do {
                        context.api.principal = try await verifier.principal(tokenID: tokenID)
                    } catch {
                        // The token was revoked or expired: the session ends with it.
                        session = DashboardSession(tokenID: nil, lifetime: configuration.sessionLifetime)
                    }
                }
            }
            context.cookie = existing.flatMap { $0.session == session ? $0.cookie : nil } ?? signer.cookieValue(session)
            context.csrfToken = signer.csrfToken(forCookie: context.cookie)
            if request.method == .post {
                context.form = try await FormFields.collect(&request)
                try checkCSRF(context)
            }
            if context.api.principal == nil && !isOpen(request) {
                response = try signInFirst(request)
            } else {
                response = try await next(request, context)
            }
        } catch {
            response = ErrorPage(error: error, paths: paths, requestID: context.id, logger: context.logger).response()
        }
        let handlerSetSession = response.headers[values: .setCookie].contains {
            $0.hasPrefix(DashboardSession.cookieName + "=")
        }
        if context.cookie != existing?.cookie && !handlerSetSession {
            response.setCookie(
                Cookie(
                    name: DashboardSession.cookieName, value: context.cookie, expires: session.expires,
                    path: paths.root,
                    secure: Self.isSecure(request), httpOnly: true, sameSite: .strict))
        }
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.referrerPolicy] = "same-origin"
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }

    /// Every `POST` carries the session's CSRF token in its form's `csrf` field: `403 csrf_token_invalid` otherwise.
    private func checkCSRF(_ context: Context) throws {
        guard let presented = context.form["csrf"], signer.isValidCSRFToken(presented, forCookie: context.cookie) else {
            throw Problem(
                .forbidden, .csrfTokenInvalid,
                "the form did not carry this session's CSRF token; load the page again and resubmit")
        }
    }

    /// The sign-in page and the assets need no session.
    private func isOpen(_ request: Request) -> Bool {
        let path = request.uri.path
        return path == "/ui/sign-in" || path.hasPrefix("/ui/assets/")
    }

    /// A page asks to sign in first and comes back; anything else is `401`.
    private func signInFirst(_ request: Request) throws -> Response {
        guard request.method == .get, request.uri.path != "/ui/live" else { throw Problem.dashboardSignInRequired() }
        return Response(
            status: .seeOther,
            headers: [.location: Paths.with(paths.signIn, [("next", paths.browserPath(of: request))])])
    }

    /// Whether the browser reached the server over TLS (itself, or a proxy in front that says so).
    static func isSecure(_ request: Request) -> Bool {
        request.uri.scheme?.rawValue == "https"
            || request.headers[HTTPField.Name("X-Forwarded-Proto")!]?.lowercased() == "https"
    }
}

extension Problem {
    /// `401 authentication_required` for a dashboard action without a signed-in session.
    static func dashboardSignInRequired() -> Problem {
        Problem(.unauthorized, .authenticationRequired, "sign in with an API token first")
    }
}

extension HTTPField.Name {
    static let xContentTypeOptions = HTTPField.Name("X-Content-Type-Options")!
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
}
