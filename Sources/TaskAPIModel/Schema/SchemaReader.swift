import TaskSchema

/// Reads the JSON Schema of an ``APIBody`` from its `Decodable` conformance: it decodes a sample
/// of the type, noting which keys the type asks for and as what (a string, an integer, a nested
/// body, an array of them, `nil`-able or not), and adds each key's ``FieldDocumentation``. A type
/// that is an ``APIComponent`` becomes a `$ref` and its schema is collected in ``components``.
///
/// A body decodes what it encodes (synthesized conformances do), so the schema read this way is the
/// schema of the responses it makes.
public final class SchemaReader {
    /// The component schemas met so far, by name.
    public private(set) var components: [String: JSONValue] = [:]

    public init() {}

    /// The schema of `type` where a value of it appears: a `$ref` for a component (whose schema is
    /// added to ``components``), else the schema itself.
    public func schema<T: Decodable>(of type: T.Type) throws -> JSONValue {
        try read(type).schema
    }

    /// The component schemas of `types` and of every component they refer to.
    public static func components(of types: [any APIComponent.Type]) throws -> [String: JSONValue] {
        let reader = SchemaReader()
        for type in types {
            guard let decodable = type as? any Decodable.Type else { continue }
            _ = try reader.schema(of: decodable)
        }
        return reader.components
    }

    fileprivate func read<T: Decodable>(_ type: T.Type) throws -> (schema: JSONValue, sample: T) {
        let schema: JSONValue
        let sample: T
        if let value = type as? any APIValue.Type {
            schema = value.schema
            sample = value.sample as! T
        } else {
            let shape = Shape()
            sample = try T(from: ShapeDecoder(reader: self, shape: shape, codingPath: []))
            schema = shape.schema
        }
        guard let component = type as? any APIComponent.Type else { return (schema, sample) }
        components[component.componentName] = schema.described(component.componentDescription)
        return (JSONSchema.ref(component.componentName), sample)
    }
}

/// What a decoded value asked for: an object's properties, an array's items, or a scalar.
private final class Shape {
    var properties: [String: JSONValue] = [:]
    var required: Set<String> = []
    /// Keys whose value the type asked to be `nil`-able (`decodeNil(forKey:)`).
    var nullable: Set<String> = []
    var isObject = false
    var items: JSONValue?
    var scalar: JSONValue?

    var schema: JSONValue {
        if isObject {
            return [
                "type": "object",
                "properties": .object(properties),
                "required": .array(required.sorted().map(JSONValue.string)),
                "additionalProperties": false,
            ]
        }
        if let items { return JSONSchema.array(of: items) }
        return scalar ?? JSONSchema.anyValue
    }

    /// Records the property `key` with the schema of its type.
    func record(_ key: some CodingKey, _ schema: JSONValue) {
        let documentation = (key as? any APIBodyKey)?.documentation ?? .undescribed
        let name = key.stringValue
        var property = schema
        if nullable.contains(name) && !documentation.isOptional { property = JSONSchema.nullable(property) }
        property = property.adding(documentation.keywords)
        if let description = documentation.description { property = property.described(description) }
        properties[name] = property
        if !documentation.isOptional { required.insert(name) }
    }
}

private struct ShapeDecoder: Decoder {
    let reader: SchemaReader
    let shape: Shape
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedDecodingContainer<Key> {
        shape.isObject = true
        return KeyedDecodingContainer(KeyedShape(reader: reader, shape: shape, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedDecodingContainer {
        UnkeyedShape(reader: reader, shape: shape, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueDecodingContainer {
        SingleValueShape(reader: reader, shape: shape, codingPath: codingPath)
    }
}

/// The schema of a JSON scalar's Swift type, and a sample value of it; `nil` for other types.
private func scalar<T>(_ type: T.Type) -> (schema: JSONValue, sample: T)? {
    switch type {
    case is String.Type: (JSONSchema.scalar(.string), "" as! T)
    case is Bool.Type: (JSONSchema.scalar(.boolean), false as! T)
    case let number as any BinaryFloatingPoint.Type: (JSONSchema.scalar(.number), number.init(0) as! T)
    case let number as any FixedWidthInteger.Type: (JSONSchema.scalar(.integer), number.zero as! T)
    default: nil
    }
}

extension SchemaReader {
    /// The schema and a sample of `type` for a container: a scalar, or a nested type read in full.
    fileprivate func value<T: Decodable>(_ type: T.Type) throws -> (JSONValue, T) {
        if let scalar = scalar(type) { return scalar }
        return try read(type)
    }
}

private struct KeyedShape<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let reader: SchemaReader
    let shape: Shape
    let codingPath: [any CodingKey]

    var allKeys: [Key] { [] }

    func contains(_ key: Key) -> Bool { true }

    func decodeNil(forKey key: Key) throws -> Bool {
        shape.nullable.insert(key.stringValue)
        return false
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try property(type, key)
    }

    private func property<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T {
        let (schema, sample) = try reader.value(type)
        shape.record(key, schema)
        return sample
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try property(type, key) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try property(type, key) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try property(type, key) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try property(type, key) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try property(type, key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try property(type, key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try property(type, key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try property(type, key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try property(type, key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try property(type, key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try property(type, key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try property(type, key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try property(type, key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try property(type, key) }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type, forKey key: Key
    ) throws -> KeyedDecodingContainer<NestedKey> {
        throw SchemaReaderError.unsupported("a nested keyed container", codingPath + [key])
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        throw SchemaReaderError.unsupported("a nested unkeyed container", codingPath + [key])
    }

    func superDecoder() throws -> any Decoder {
        throw SchemaReaderError.unsupported("a super decoder", codingPath)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        throw SchemaReaderError.unsupported("a super decoder", codingPath + [key])
    }
}

/// An array: its first element's schema is the items' schema, and then it ends.
private struct UnkeyedShape: UnkeyedDecodingContainer {
    let reader: SchemaReader
    let shape: Shape
    let codingPath: [any CodingKey]
    var count: Int? { 1 }
    var isAtEnd: Bool { currentIndex > 0 }
    var currentIndex = 0

    mutating func decodeNil() throws -> Bool {
        throw SchemaReaderError.unsupported("an array of nil-able elements", codingPath)
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try element(type)
    }

    private mutating func element<T: Decodable>(_ type: T.Type) throws -> T {
        let (schema, sample) = try reader.value(type)
        shape.items = schema
        currentIndex += 1
        return sample
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try element(type) }
    mutating func decode(_ type: String.Type) throws -> String { try element(type) }
    mutating func decode(_ type: Double.Type) throws -> Double { try element(type) }
    mutating func decode(_ type: Float.Type) throws -> Float { try element(type) }
    mutating func decode(_ type: Int.Type) throws -> Int { try element(type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try element(type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try element(type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try element(type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try element(type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try element(type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try element(type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try element(type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try element(type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try element(type) }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type
    ) throws -> KeyedDecodingContainer<NestedKey> {
        throw SchemaReaderError.unsupported("a nested keyed container", codingPath)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        throw SchemaReaderError.unsupported("a nested unkeyed container", codingPath)
    }

    mutating func superDecoder() throws -> any Decoder {
        throw SchemaReaderError.unsupported("a super decoder", codingPath)
    }
}

private struct SingleValueShape: SingleValueDecodingContainer {
    let reader: SchemaReader
    let shape: Shape
    let codingPath: [any CodingKey]

    func decodeNil() -> Bool { false }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try value(type)
    }

    private func value<T: Decodable>(_ type: T.Type) throws -> T {
        let (schema, sample) = try reader.value(type)
        shape.scalar = schema
        return sample
    }

    func decode(_ type: Bool.Type) throws -> Bool { try value(type) }
    func decode(_ type: String.Type) throws -> String { try value(type) }
    func decode(_ type: Double.Type) throws -> Double { try value(type) }
    func decode(_ type: Float.Type) throws -> Float { try value(type) }
    func decode(_ type: Int.Type) throws -> Int { try value(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try value(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try value(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try value(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try value(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try value(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try value(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try value(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try value(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try value(type) }
}

/// A type decodes in a way the reader cannot describe as a schema.
public struct SchemaReaderError: Error, CustomStringConvertible {
    public var description: String

    static func unsupported(_ what: String, _ path: [any CodingKey]) -> SchemaReaderError {
        SchemaReaderError(
            description:
                "the schema reader does not describe \(what) (at '\(path.map(\.stringValue).joined(separator: "."))')"
        )
    }
}
