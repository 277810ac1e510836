import Synchronization

/// Compiled `pattern` regular expressions, shared by every validation the interpreter runs.
final class RegexCache: Sendable {
    static let shared = RegexCache()

    private let patterns = Mutex<[String: SchemaPattern]>([:])

    /// Whether `pattern` matches anywhere in `string` (JSON Schema patterns are not anchored);
    /// `nil` when the pattern does not compile.
    func pattern(_ pattern: String, matches string: String) -> Bool? {
        compiled(pattern).matches(string)
    }

    private func compiled(_ pattern: String) -> SchemaPattern {
        patterns.withLock { patterns in
            if let cached = patterns[pattern] { return cached }
            let compiled = SchemaPattern(pattern)
            patterns[pattern] = compiled
            return compiled
        }
    }
}
