import Foundation

/// A stored API token: everything but its secret, of which only the SHA-256 is kept.
public struct APIToken: Sendable, Hashable {
    /// The token's public id, also the first part of its secret (`tf_<id>_<secret>`); jobs record it
    /// as their owner.
    public var id: String
    /// A unique, human-chosen name (`ci`, `alice-laptop`).
    public var name: String
    /// The lowercase hex SHA-256 of the secret part.
    public var secretHash: String
    public var scopes: Set<TokenScope>
    /// The tasks a `submit` scope is limited to; `nil` for every task.
    public var tasks: [String]?
    public var createdAt: Date
    public var expiresAt: Date?
    public var revokedAt: Date?

    public init(
        id: String, name: String, secretHash: String, scopes: Set<TokenScope>, tasks: [String]? = nil,
        createdAt: Date, expiresAt: Date? = nil, revokedAt: Date? = nil
    ) {
        self.id = id
        self.name = name
        self.secretHash = secretHash
        self.scopes = scopes
        self.tasks = tasks?.sorted()
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.revokedAt = revokedAt
    }

    /// Whether the token may be used at `now`: not revoked, not expired.
    public func isActive(at now: Date) -> Bool {
        revokedAt == nil && (expiresAt.map { now < $0 } ?? true)
    }
}
