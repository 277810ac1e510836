import TaskSchema

/// A type of the HTTP API's bodies: it is encoded into the responses, and its JSON Schema in the
/// OpenAPI document is read from its `Decodable` conformance (``SchemaReader``), so the two cannot
/// drift apart. Its `CodingKeys` are ``APIBodyKey``s, which document each field.
public protocol APIBody: Codable, Sendable {}

/// A named schema of the document: `#/components/schemas/<componentName>`, referred to by `$ref`
/// wherever a value of the type appears.
public protocol APIComponent {
    static var componentName: String { get }
    static var componentDescription: String { get }
}

/// A type whose schema is given rather than read: a string enum, a timestamp, any JSON value.
/// ``SchemaReader`` uses ``schema`` and decodes nothing; ``sample`` stands in for a decoded value.
public protocol APIValue: Codable, Sendable {
    static var schema: JSONValue { get }
    static var sample: Self { get }
}

/// A string enum of the API: `{"type": "string", "enum": [every case]}`.
public protocol APIEnum: APIValue, RawRepresentable<String>, CaseIterable {}

extension APIEnum {
    public static var schema: JSONValue {
        ["type": "string", "enum": .array(allCases.map { .string($0.rawValue) })]
    }

    public static var sample: Self { allCases.first! }
}

/// The coding key of an ``APIBody``: the field's documentation, and whether it is left out of the
/// body when `nil` (an optional field) rather than written as `null` (a nullable one).
///
/// Every field of a body is written, `nil` as `null` (as the document says: every property is
/// required, the nullable ones say so), except the optional ones, which are omitted when `nil`.
public protocol APIBodyKey: CodingKey, CaseIterable {
    var documentation: FieldDocumentation { get }
}

/// What the document says of one field beside its type: a description, keywords such as
/// `minimum`, `format` or `pattern`, and whether the field may be absent.
public struct FieldDocumentation: Sendable, ExpressibleByStringLiteral {
    public var description: String?
    public var keywords: [String: JSONValue]
    /// Absent when `nil`, never `null`; not among the schema's `required`.
    public var isOptional: Bool

    public init(_ description: String? = nil, keywords: [String: JSONValue] = [:], optional: Bool = false) {
        self.description = description
        self.keywords = keywords
        self.isOptional = optional
    }

    public init(stringLiteral description: String) {
        self.init(description)
    }

    /// A field the document describes by its type alone.
    public static let undescribed = FieldDocumentation()

    /// A field left out of the body when `nil`.
    public static func optional(_ description: String) -> FieldDocumentation {
        FieldDocumentation(description, optional: true)
    }
}

extension KeyedEncodingContainer where Key: APIBodyKey {
    // The synthesized `encode(to:)` of a body calls `encodeIfPresent` for each optional property;
    // these overloads, more specific than the container's own, write `null` instead of nothing
    // unless the field is optional.

    public mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeAbsent(key) }
    }

    public mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeAbsent(key) }
    }

    public mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeAbsent(key) }
    }

    public mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeAbsent(key) }
    }

    public mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeAbsent(key) }
    }

    private mutating func encodeAbsent(_ key: Key) throws {
        if !key.documentation.isOptional { try encodeNil(forKey: key) }
    }
}

extension APIBody {
    /// The body as JSON. A body holds strings, integers, JSON values and finite numbers (a job's
    /// progress is clamped to 0...100 where it is reported), which always encode.
    public var json: JSONValue {
        do {
            return try JSONValue(encoding: self)
        } catch {
            preconditionFailure("\(Self.self) did not encode: \(error)")
        }
    }
}
