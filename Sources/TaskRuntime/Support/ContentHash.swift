import Crypto
import Foundation

/// Content fingerprints: the lowercase hex SHA-256 of a text (dedup keys, request hashes).
public enum ContentHash {
    public static func sha256Hex(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
