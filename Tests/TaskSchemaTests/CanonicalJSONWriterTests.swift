import Datasets
import Foundation
import TaskSchema
import Testing

/// `canonicalData()` must write exactly the bytes Foundation's `JSONEncoder` writes with
/// `.sortedKeys` and `.withoutEscapingSlashes`, which it replaced: stored inputs, fingerprints and
/// dedup keys were computed with that encoder. `JSONEncoder` is the oracle.
@Suite struct CanonicalJSONWriterTests {
    private static func oracle(_ value: JSONValue) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test(arguments: [
        0.1, 0.30000000000000004, 1.0 / 3, 2.5, 1e-7, 1e-4, 1e-5, 123.456, 1e15 + 0.5, 9_007_199_254_740_994,
        1e16, 1e17, 1e20, 1e22, 1e300, 1.7976931348623157e308, 5e-324, 2.2250738585072014e-308, -0.0, -1e-300,
        12_345_678_901_234_567, 123_456_789_012_345.67,
    ])
    func numbersAreWrittenAsJSONEncoderWritesThem(_ number: Double) throws {
        for value in [JSONValue.number(number), .number(-number), JSONValue(number: number)] {
            #expect(value.canonicalString() == (try Self.oracle(value)))
        }
    }

    @Test func integersStringsAndKeysAreWrittenAsJSONEncoderWritesThem() throws {
        let controls = String(String.UnicodeScalarView((0..<0x20).compactMap(Unicode.Scalar.init)))
        let value: JSONValue = [
            "integers": [.integer(0), .integer(-1), .integer(Int.max), .integer(Int.min), 42],
            "escapes": .string(controls + "\"\\/\u{7F}\u{2028}\u{2029}é😀"),
            "keys": ["b": 1, "B": 2, "_": 3, "a0": 4, "aa": 5, "é": 6, "Ä": 7, "ﬀ": 8, "\u{FFFF}": 9, "😀": 10, "": 11],
            "empty": ["array": [], "object": [:], "string": ""],
            "scalars": [nil, true, false],
        ]
        #expect(value.canonicalString() == (try Self.oracle(value)))
    }

    @Test func randomDocumentsAreWrittenAsJSONEncoderWritesThem() throws {
        var generator = SeededGenerator(seed: 0x7A5F_0F09)
        for _ in 0..<2_000 {
            let value = Self.randomValue(depth: 0, using: &generator)
            let written = value.canonicalString()
            let expected = try Self.oracle(value)
            #expect(written == expected)
            if written != expected { return }
        }
    }

    @Test func nonFiniteNumbersThrowAsJSONEncoderDoes() {
        for number in [Double.nan, .infinity, -.infinity] {
            #expect(throws: EncodingError.self) { try JSONValue.array([1, .number(number)]).canonicalData() }
            #expect(throws: EncodingError.self) { try Self.oracle(.array([1, .number(number)])) }
        }
    }

    private static func randomValue(depth: Int, using generator: inout SeededGenerator) -> JSONValue {
        switch generator.next() % (depth < 4 ? 8 : 6) {
        case 0: return .null
        case 1: return .bool(generator.next() % 2 == 0)
        case 2: return .integer(Int(truncatingIfNeeded: generator.next()) >> Int(generator.next() % 64))
        case 3:
            // Any finite double: random bits, so every exponent and digit count turns up.
            let number = Double(bitPattern: generator.next())
            return number.isFinite ? .number(number) : .number(Double(generator.next() % 1000) / 8)
        case 4, 5: return .string(randomString(using: &generator))
        case 6:
            return .array((0..<generator.next() % 5).map { _ in randomValue(depth: depth + 1, using: &generator) })
        default:
            var members: [String: JSONValue] = [:]
            for _ in 0..<generator.next() % 6 {
                members[randomString(using: &generator)] = randomValue(depth: depth + 1, using: &generator)
            }
            return .object(members)
        }
    }

    /// Control characters, ASCII, Latin, CJK and astral scalars, in random mixture.
    private static func randomString(using generator: inout SeededGenerator) -> String {
        let ranges: [ClosedRange<UInt32>] = [
            0...0x1F, 0x20...0x7F, 0xA0...0x2FF, 0x2000...0x206F, 0x4E00...0x4E20, 0x1F600...0x1F64F,
        ]
        var scalars = String.UnicodeScalarView()
        for _ in 0..<generator.next() % 12 {
            let range = ranges[Int(generator.next() % UInt64(ranges.count))]
            let value = range.lowerBound + UInt32(generator.next() % UInt64(range.count))
            if let scalar = Unicode.Scalar(value) { scalars.append(scalar) }
        }
        return String(scalars)
    }
}
