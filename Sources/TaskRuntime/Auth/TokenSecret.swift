import Foundation

/// The secret a client presents, `tf_<id>_<secret>`: the id finds the stored token, the secret
/// proves possession. Only the secret's SHA-256 is stored, and it is compared in constant time.
public struct TokenSecret: Sendable, Hashable {
    public let id: String
    let secret: String

    /// A new secret with a random 12-hex-digit id and 256 random bits (base64url).
    public static func generate() -> TokenSecret {
        var generator = SystemRandomNumberGenerator()
        let idBytes = (0..<6).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let secretBytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return TokenSecret(
            id: Hex.encode(idBytes),
            secret: Data(secretBytes).base64URLEncodedString())
    }

    /// Parses a presented token; `nil` when it does not have the shape of one.
    public init?(presented text: String) {
        let parts = text.split(separator: "_", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "tf", parts[1].count == 12,
            parts[1].allSatisfy(\.isHexDigit), parts[2].count == 43
        else { return nil }
        self.init(id: String(parts[1]), secret: String(parts[2]))
    }

    private init(id: String, secret: String) {
        self.id = id
        self.secret = secret
    }

    /// The text given to the client, once.
    public var text: String { "tf_\(id)_\(secret)" }

    /// The lowercase hex SHA-256 of the secret part: what the store keeps.
    public var hash: String { ContentHash.sha256Hex(secret) }

    /// Whether this secret is the one `token` was created with, in time independent of where they differ.
    public func matches(_ token: APIToken) -> Bool {
        let presented = Array(hash.utf8)
        let stored = Array(token.secretHash.utf8)
        guard token.id == id, presented.count == stored.count else { return false }
        return zip(presented, stored).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
