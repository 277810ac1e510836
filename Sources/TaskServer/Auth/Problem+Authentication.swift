import HTTPTypes
import TaskRuntime

extension Problem {
    /// `401 authentication_required`: no `Authorization` header.
    static func authenticationRequired() -> Problem {
        Problem(
            .unauthorized, .authenticationRequired,
            "this request needs an API token: send 'Authorization: Bearer <token>'",
            headers: [.wwwAuthenticate: #"Bearer realm="taskforge""#])
    }

    /// `401 invalid_token`: malformed, unknown, revoked or expired.
    static func invalidToken(_ detail: String) -> Problem {
        Problem(
            .unauthorized, .invalidToken, detail,
            headers: [.wwwAuthenticate: #"Bearer realm="taskforge", error="invalid_token""#])
    }

    /// `403 insufficient_scope`: a valid token without the scope (or task) the request needs.
    static func insufficientScope(_ detail: String, scope: TokenScope) -> Problem {
        Problem(
            .forbidden, .insufficientScope, detail, extensions: ["scope": .string(scope.rawValue)],
            headers: [
                .wwwAuthenticate: #"Bearer realm="taskforge", error="insufficient_scope", scope="\#(scope.rawValue)""#
            ])
    }
}
