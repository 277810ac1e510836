import Foundation

/// A `pattern` compiled once: generated validators keep one per schema in a `static let`, and
/// ``RegexCache`` one per distinct pattern for the interpreter.
public struct SchemaPattern: Sendable {
    /// The pattern as written, which violation messages quote.
    public let source: String
    /// `nil` when the pattern does not compile; such a pattern is not checked.
    private let expression: NSRegularExpression?

    public init(_ pattern: String) {
        source = pattern
        expression = try? NSRegularExpression(pattern: pattern)
    }

    /// Whether the pattern matches anywhere in `string` (JSON Schema patterns are not anchored);
    /// `nil` when the pattern does not compile.
    public func matches(_ string: String) -> Bool? {
        guard let expression else { return nil }
        return expression.firstMatch(in: string, range: NSRange(string.startIndex..., in: string)) != nil
    }
}
