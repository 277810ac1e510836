import Crypto
import Foundation
import TaskRuntime

/// The dashboard's session, kept in a signed cookie rather than on the server: who signed in (an
/// API token's id, or nobody) and until when. Nothing secret is in it: the token's secret is checked
/// once at sign-in and never stored, and the token itself is read again on every request, so revoking
/// it ends its sessions at once.
///
/// The value is `<token id, base64url, or "-">.<nonce>.<expiry, Unix seconds>.<HMAC-SHA256, base64url>`
/// under the server's session key. The CSRF token of a session is an HMAC of the whole cookie value
/// under the same key (the signed double-submit pattern): a page of another site can neither read the
/// cookie nor compute the token.
struct DashboardSession: Sendable, Hashable {
    static let cookieName = "taskforge_session"

    /// The id of the API token the person signed in with; `nil` for a session nobody signed in to
    /// (every session when the server requires no token).
    var tokenID: String?
    /// Makes each session's value, and so its CSRF token, unique.
    var nonce: String
    var expires: Date

    init(tokenID: String?, lifetime: Duration, now: Date = Date()) {
        self.tokenID = tokenID
        self.nonce = Data((0..<16).map { _ in UInt8.random(in: 0...255) }).base64URLEncodedString()
        self.expires = now.addingTimeInterval(lifetime.seconds)
    }

    fileprivate init(tokenID: String?, nonce: String, expires: Date) {
        self.tokenID = tokenID
        self.nonce = nonce
        self.expires = expires
    }
}

/// Signs and checks session cookies and CSRF tokens with one key.
struct SessionSigner: Sendable {
    let key: SymmetricKey

    /// The cookie value of `session`.
    func cookieValue(_ session: DashboardSession) -> String {
        let subject = session.tokenID.map { Data($0.utf8).base64URLEncodedString() } ?? "-"
        let payload = "\(subject).\(session.nonce).\(Int(session.expires.timeIntervalSince1970))"
        return payload + "." + mac(payload).base64URLEncodedString()
    }

    /// The session a cookie value holds, if this key signed it and it has not expired.
    func session(fromCookie value: String, now: Date = Date()) -> DashboardSession? {
        let parts = value.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, let signature = Data(base64URLEncoded: String(parts[3])) else { return nil }
        let payload = parts[0...2].joined(separator: ".")
        guard HMAC<SHA256>.isValidAuthenticationCode(signature, authenticating: Data(payload.utf8), using: key),
            let seconds = Int(parts[2])
        else { return nil }
        let expires = Date(timeIntervalSince1970: TimeInterval(seconds))
        guard expires > now else { return nil }
        var tokenID: String?
        if parts[0] != "-" {
            guard let data = Data(base64URLEncoded: String(parts[0])) else { return nil }
            tokenID = String(decoding: data, as: UTF8.self)
        }
        return DashboardSession(tokenID: tokenID, nonce: String(parts[1]), expires: expires)
    }

    /// The CSRF token every form and action of the session carries.
    func csrfToken(forCookie value: String) -> String {
        mac("csrf|" + value).base64URLEncodedString()
    }

    /// Whether `presented` is the CSRF token of the session with cookie `value` (compared in constant time).
    func isValidCSRFToken(_ presented: String, forCookie value: String) -> Bool {
        guard let code = Data(base64URLEncoded: presented) else { return false }
        return HMAC<SHA256>.isValidAuthenticationCode(code, authenticating: Data(("csrf|" + value).utf8), using: key)
    }

    private func mac(_ text: String) -> Data {
        Data(HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: key))
    }
}
