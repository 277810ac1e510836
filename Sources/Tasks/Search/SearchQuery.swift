import Foundation

/// The normal forms of a search query: as sent (``sent(_:)``) and as the dedup key compares it
/// (``keyed(_:)``), so that searches differing only in spacing or case share one result.
enum SearchQuery {
    /// Unicode NFC, trimmed, each run of whitespace one space. Case is kept: operators such as `OR`
    /// mean something to the provider.
    static func sent(_ query: String) -> String {
        query.precomposedStringWithCanonicalMapping.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// ``sent(_:)``, lowercased.
    static func keyed(_ query: String) -> String {
        sent(query).lowercased()
    }
}
