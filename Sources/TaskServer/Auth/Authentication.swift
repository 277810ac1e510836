import Foundation
import TaskRuntime

/// Whether requests must carry an API token, decided once at start (see ``decide(host:activeTokens:)``).
public enum Authentication: Sendable, Hashable {
    /// Every request may do everything: no tokens exist and the server listens on loopback only.
    case off
    /// Every request but health checks and the OpenAPI document needs `Authorization: Bearer <token>`.
    case required

    /// Safe by default: tokens switch authentication on; without any, only a loopback bind may run
    /// open, and a public bind refuses to start.
    public static func decide(host: String, activeTokens: Int) throws(RefusedToStart) -> Authentication {
        if activeTokens > 0 { return .required }
        guard isLoopback(host) else { throw RefusedToStart(host: host) }
        return .off
    }

    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    /// A non-loopback bind with no API tokens.
    public struct RefusedToStart: Error, CustomStringConvertible {
        public let host: String
        public var description: String {
            "refusing to listen on \(host) with no API tokens: anyone who can reach it could run and read jobs. "
                + "Create a token first (taskforge token create --name NAME --scopes submit,read), "
                + "or listen on 127.0.0.1 for local use"
        }
    }
}
