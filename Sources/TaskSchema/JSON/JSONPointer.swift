import Foundation

/// JSON Pointers (RFC 6901), as violations and references name a place in a document.
enum JSONPointer {
    /// One reference token escaped: `~` as `~0`, `/` as `~1`.
    static func escape(_ token: String) -> String {
        token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }
}
