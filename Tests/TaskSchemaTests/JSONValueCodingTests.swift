import Foundation
import TaskSchema
import Testing

/// `JSONValue(encoding:)` and `decode(as:)` go straight between Swift values and `JSONValue`; the
/// oracle is Foundation's `JSONEncoder` and `JSONDecoder` (default strategies) through JSON text.
@Suite struct JSONValueCodingTests {
    struct Fixture: Codable, Equatable {
        enum Kind: String, Codable { case first, second }
        struct Inner: Codable, Equatable {
            var x: Int
            var y: [Double]?
        }

        var string = "héllo \"quoted\" / slash"
        var int = -42
        var int8: Int8 = -8
        var uint16: UInt16 = 65_535
        var int64 = Int64.min
        var uint64 = UInt64(Int.max)  // above it, JSONValue holds a Double
        var double = 0.1
        var integralDouble = 3.0
        var float: Float = 0.1
        var bool = true
        var present: String? = "here"
        var absent: Int? = nil
        var kind = Kind.second
        var inner = Inner(x: 1, y: [1.5, 2])
        var inners = [Inner(x: 2, y: nil), Inner(x: 3, y: [])]
        var map = ["a": [1, 2], "b": []]
        var date = Date(timeIntervalSince1970: 1_800_000_000.25)
        var url = URL(string: "https://example.com/a?b=c")!
        var data = Data([0, 1, 2, 250, 255])
        var nested: [[String?]] = [["a", nil], []]
        var json: JSONValue = ["free": [1, "two", nil, ["three": 3.5]]]
    }

    private static func throughText<T: Encodable>(_ value: T) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(value))
    }

    @Test func encodesAsJSONEncoderWrites() throws {
        let fixture = Fixture()
        #expect(try JSONValue(encoding: fixture) == Self.throughText(fixture))
        #expect(
            try JSONValue(encoding: [Fixture(), Fixture(absent: 7)])
                == Self.throughText([Fixture(), Fixture(absent: 7)]))
        #expect(try JSONValue(encoding: "top") == .string("top"))
        #expect(try JSONValue(encoding: 2.0) == .integer(2))
        #expect(try JSONValue(encoding: UInt64.max) == Self.throughText(UInt64.max))
        #expect(try JSONValue(encoding: [Float(0.1), 1e30]) == Self.throughText([Float(0.1), 1e30]))
    }

    @Test func decodesAsJSONDecoderReads() throws {
        let value = try Self.throughText(Fixture())
        let oracle = try JSONDecoder().decode(Fixture.self, from: JSONEncoder().encode(Fixture()))
        #expect(try value.decode(as: Fixture.self) == oracle)
        #expect(try value.decode(as: Fixture.self) == Fixture())
        #expect(try JSONValue.integer(3).decode(as: Double.self) == 3)
        #expect(try JSONValue.number(2.0).decode(as: Int.self) == 2)
        #expect(try value.decode(as: JSONValue.self) == value)
    }

    @Test func refusesWhatJSONDecoderRefuses() throws {
        func failure<T: Decodable>(_ value: JSONValue, as type: T.Type) -> DecodingError? {
            do {
                _ = try value.decode(as: type)
                return nil
            } catch {
                return error as? DecodingError
            }
        }
        guard case .typeMismatch = failure("1", as: Int.self) else { Issue.record("a string is not an Int"); return }
        guard case .dataCorrupted = failure(1.5, as: Int.self) else { Issue.record("1.5 is not an Int"); return }
        guard case .dataCorrupted = failure(300, as: UInt8.self) else { Issue.record("300 is not a UInt8"); return }
        guard case .valueNotFound = failure(nil, as: String.self) else { Issue.record("null is not a String"); return }
        guard case .dataCorrupted = failure("not base64!", as: Data.self) else { Issue.record("not Base64"); return }
        guard case .keyNotFound(let key, let context) = failure(["inner": ["y": []]], as: [String: Fixture.Inner].self)
        else {
            Issue.record("x is missing")
            return
        }
        #expect(key.stringValue == "x" && context.codingPath.map(\.stringValue) == ["inner"])
        guard case .typeMismatch(_, let nested) = failure([["x": 1], ["x": "2"]], as: [Fixture.Inner].self) else {
            Issue.record("the second x is a string")
            return
        }
        #expect(nested.codingPath.map(\.stringValue) == ["Index 1", "x"])
        #expect(throws: EncodingError.self) { try JSONValue(encoding: ["nan": Double.nan]) }
        #expect(throws: EncodingError.self) { try JSONValue(encoding: [Double.infinity]) }
    }
}
