import Crypto
import Foundation

/// Content fingerprints: the lowercase hex SHA-256 of a text (dedup keys, request hashes).
public enum ContentHash {
    public static func sha256Hex(_ text: String) -> String {
        Hex.encode(SHA256.hash(data: Data(text.utf8)))
    }
}
