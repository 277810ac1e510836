import Foundation
import Testing

@testable import TaskSchema

/// `canonicalString()` is written by `CanonicalJSONWriter`, not by Foundation's encoder; it must
/// give exactly the bytes `JSONEncoder` (`.sortedKeys`, `.withoutEscapingSlashes`) writes.
@Suite struct CanonicalStringTests {
    static let values: [JSONValue] = [
        nil, true, false, 0, -1, 42, .integer(Int.max), .integer(Int.min), 1.5, -0.25, 1e300, "", "plain text", "a/b",
        "quote \" here",
        "back\\slash", "tab\there", "line\nbreak", "\u{7F}", "ünïcödé", "emoji 🙂", "\u{2028}", [1, "a", nil],
        ["b": 1, "a": [true]],
    ]

    @Test(arguments: values)
    func matchesTheEncoder(_ value: JSONValue) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        #expect(value.canonicalString() == String(decoding: try encoder.encode(value), as: UTF8.self))
    }
}
