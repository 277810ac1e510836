import Foundation
import Testing

@testable import TaskSchema

/// `canonicalString()` writes some scalars itself; it must give exactly the encoder's bytes.
@Suite struct CanonicalStringTests {
    static let values: [JSONValue] = [
        nil, true, false, 0, -1, 42, .integer(Int.max), .integer(Int.min), 1.5, -0.25, 1e300, "", "plain text", "a/b",
        "quote \" here",
        "back\\slash", "tab\there", "line\nbreak", "\u{7F}", "ünïcödé", "emoji 🙂", "\u{2028}", [1, "a", nil],
        ["b": 1, "a": [true]],
    ]

    @Test(arguments: values)
    func matchesTheEncoder(_ value: JSONValue) throws {
        #expect(value.canonicalString() == String(decoding: try value.canonicalData(), as: UTF8.self))
    }
}
