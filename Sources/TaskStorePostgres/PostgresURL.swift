import Foundation
import PostgresNIO

/// A `postgres://` (or `postgresql://`) connection URL, as libpq writes them:
/// `postgres://user[:password]@host[:port][/database][?sslmode=disable|allow|prefer|require|verify-ca|verify-full]`.
///
/// `sslmode` follows libpq: `prefer` (the default) and `require` encrypt without checking the
/// server's certificate, `verify-ca` checks it against the system's trusted roots, `verify-full`
/// checks the host name too. Its ``description`` never shows the password.
public struct PostgresURL: Sendable, CustomStringConvertible {
    /// The client configuration the URL describes; adjust its `options` (pool size, timeouts) as needed.
    public var configuration: PostgresClient.Configuration

    /// Whether `string` is a PostgreSQL URL (by its scheme) rather than, say, a file path.
    public static func isPostgresURL(_ string: String) -> Bool {
        let scheme = string.prefix { $0 != ":" }.lowercased()
        return string.contains("://") && (scheme == "postgres" || scheme == "postgresql")
    }

    public init(_ string: String) throws {
        guard Self.isPostgresURL(string), let components = URLComponents(string: string) else {
            throw PostgresURLError("expected postgres://user@host:port/database")
        }
        guard let host = components.host, !host.isEmpty else { throw PostgresURLError("the URL names no host") }
        guard let user = components.user, !user.isEmpty else { throw PostgresURLError("the URL names no user") }
        let database = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        let items = Dictionary(
            (components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { $1 })
        configuration = PostgresClient.Configuration(
            host: host, port: components.port ?? 5432, username: user, password: components.password,
            database: database.isEmpty ? nil : database, tls: try Self.tls(sslmode: items["sslmode"] ?? "prefer"))
    }

    private static func tls(sslmode: String) throws -> PostgresClient.Configuration.TLS {
        var unverified = TLSConfiguration.makeClientConfiguration()
        unverified.certificateVerification = .none
        switch sslmode {
        case "disable": return .disable
        case "allow", "prefer": return .prefer(unverified)
        case "require": return .require(unverified)
        case "verify-ca":
            var configuration = TLSConfiguration.makeClientConfiguration()
            configuration.certificateVerification = .noHostnameVerification
            return .require(configuration)
        case "verify-full": return .require(.makeClientConfiguration())
        default: throw PostgresURLError("unknown sslmode '\(sslmode)'")
        }
    }

    /// `postgres://user@host:port/database`, without the password.
    public var description: String {
        "postgres://\(configuration.username)@\(configuration.host ?? "")"
            + ":\(configuration.port.map(String.init) ?? "")/\(configuration.database ?? "")"
    }
}

/// A malformed database URL. The message never includes the URL itself, which may hold a password.
public struct PostgresURLError: Error, CustomStringConvertible {
    public var description: String

    init(_ problem: String) {
        description = "invalid PostgreSQL URL: \(problem)"
    }
}
