import Crypto
import Foundation

/// How `taskforge serve` serves the dashboard (docs/dashboard.md).
public struct DashboardConfiguration: Sendable {
    /// The prefix a reverse proxy serves the dashboard under, before `/ui` (`--ui-base-path /ops`):
    /// every link, form, asset and the session cookie's path carry it. Empty when served at the root.
    public var basePath: String
    /// How long a session lasts after sign-in (or after an anonymous visitor's first page).
    public var sessionLifetime: Duration
    /// How often at most an open page's live stream renders its view again (a change is sent,
    /// sameness is not); without a change feed (SQLite), how often it does.
    public var liveInterval: Duration
    /// With a change feed (PostgreSQL's `LISTEN`/`NOTIFY`), how long a page waits for a change before
    /// it renders anyway: relative times and heartbeat ages move without a change to the data.
    public var quietInterval: Duration
    /// How long a live stream stays open before the server closes it and the browser reopens it (an
    /// `EventSource` reconnects after the `retry` the stream announced): a page open for hours is
    /// re-checked and re-balanced across servers, and a dropped stream resumes the same way.
    public var streamLifetime: Duration
    /// How long after its last heartbeat a worker is shown as stale (it drops out when its
    /// registration expires).
    public var staleWorkerAfter: Duration
    /// Signs session cookies and CSRF tokens.
    let sessionKey: SymmetricKey

    /// - Parameter sessionSecret: the key's bytes (`TASKFORGE_UI_SECRET`); several servers behind one
    ///   address need the same one, and sessions survive a restart only with it. `nil` draws a random
    ///   key per process.
    public init(
        basePath: String = "", sessionSecret: Data? = nil, sessionLifetime: Duration = .seconds(12 * 3600),
        liveInterval: Duration = .seconds(1), quietInterval: Duration = .seconds(10),
        streamLifetime: Duration = .seconds(300), staleWorkerAfter: Duration = .seconds(30)
    ) {
        self.basePath = Self.normalized(basePath)
        self.sessionKey =
            sessionSecret.map { SymmetricKey(data: SHA256.hash(data: $0)) } ?? SymmetricKey(size: .bits256)
        self.sessionLifetime = sessionLifetime
        self.liveInterval = liveInterval
        self.quietInterval = quietInterval
        self.streamLifetime = streamLifetime
        self.staleWorkerAfter = staleWorkerAfter
    }

    /// `ops/`, `/ops/` and `/ops` as `/ops`; `/` and `` as ``.
    static func normalized(_ path: String) -> String {
        let trimmed = path.split(separator: "/", omittingEmptySubsequences: true).joined(separator: "/")
        return trimmed.isEmpty ? "" : "/" + trimmed
    }

    /// Whether `path` is usable as a base path: segments of URL-safe characters only.
    public static func isValidBasePath(_ path: String) -> Bool {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~/"))
        return path.unicodeScalars.allSatisfy { allowed.contains($0) }
    }
}
