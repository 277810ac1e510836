import Foundation

/// A JSON document held in memory: the currency of job inputs, outputs and schema defaults.
///
/// Integral numbers that fit in `Int` decode as ``integer(_:)``, so `1` and `1.0` compare equal.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The JSON Schema type name of this value (`integer` for integral numbers).
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .integer: "integer"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    /// The numeric value, for `integer` and `number`.
    public var doubleValue: Double? {
        switch self {
        case .integer(let value): Double(value)
        case .number(let value): value
        default: nil
        }
    }

    public var stringValue: String? {
        if case .string(let value) = self { value } else { nil }
    }

    public var objectValue: [String: JSONValue]? {
        if case .object(let value) = self { value } else { nil }
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let value) = self { value } else { nil }
    }

    public subscript(key: String) -> JSONValue? {
        objectValue?[key]
    }
}

extension JSONValue: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = JSONValue(number: value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}

extension JSONValue {
    /// A number, normalised to ``integer(_:)`` when it is integral and fits in `Int`.
    public init(number: Double) {
        if number.rounded() == number, let integer = Int(exactly: number) {
            self = .integer(integer)
        } else {
            self = .number(number)
        }
    }

    /// Parses any JSON text (objects, arrays and scalars at the top level) straight into a value
    /// (``JSONParser``); a malformed one throws a ``JSONSyntaxError`` naming the place.
    public init(json data: Data) throws(JSONSyntaxError) {
        self = try JSONParser.parse(data)
    }

    /// Converts an `Encodable` value (a generated input or output struct) to a JSON value, directly
    /// (no JSON text in between), as `JSONEncoder` would write it.
    public init(encoding value: some Encodable) throws {
        self = try JSONValueEncoder.encode(value)
    }

    /// Decodes this value into a `Decodable` type (a generated input or output struct), directly
    /// (no JSON text in between), as `JSONDecoder` would read it.
    public func decode<T: Decodable>(as type: T.Type = T.self) throws -> T {
        try JSONValueDecoder.decode(type, from: self)
    }

    /// Canonical JSON: keys sorted, no insignificant whitespace, slashes unescaped.
    /// Equal values always give equal bytes, so it is fit for hashing and fingerprints.
    public func canonicalData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// ``canonicalData()`` as a string.
    public func canonicalString() -> String {
        // Scalars the encoder would write verbatim are written directly: violation messages quote
        // values, and an encoder per message would cost more than the check that failed.
        switch self {
        case .null: return "null"
        case .bool(let bool): return bool ? "true" : "false"
        case .integer(let integer): return String(integer)
        case .string(let string) where string.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C }):
            return "\"" + string + "\""
        default:
            // Encoding a JSONValue cannot fail except for non-finite numbers, which JSON cannot hold;
            // parsing never produces them.
            return (try? String(decoding: canonicalData(), as: UTF8.self)) ?? "null"
        }
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .integer(value) }
    public init(floatLiteral value: Double) { self = JSONValue(number: value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
    public init(nilLiteral: ()) { self = .null }
}
