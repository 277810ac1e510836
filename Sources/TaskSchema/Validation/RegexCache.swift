import Foundation
import Synchronization

/// Compiled `pattern` regular expressions, shared by every validation.
final class RegexCache: Sendable {
    static let shared = RegexCache()

    /// A `nil` entry remembers a pattern that does not compile.
    private let expressions = Mutex<[String: NSRegularExpression?]>([:])

    /// Whether `pattern` matches anywhere in `string` (JSON Schema patterns are not anchored);
    /// `nil` when the pattern does not compile.
    func pattern(_ pattern: String, matches string: String) -> Bool? {
        guard let expression = expression(for: pattern) else { return nil }
        let range = NSRange(string.startIndex..., in: string)
        return expression.firstMatch(in: string, range: range) != nil
    }

    private func expression(for pattern: String) -> NSRegularExpression? {
        expressions.withLock { expressions in
            if let cached = expressions[pattern] { return cached }
            let compiled = try? NSRegularExpression(pattern: pattern)
            expressions[pattern] = compiled
            return compiled
        }
    }
}
