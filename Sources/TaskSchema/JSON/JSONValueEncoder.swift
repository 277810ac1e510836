import Foundation

/// Encodes an `Encodable` value straight into a ``JSONValue``, without printing JSON text and
/// parsing it again; the result equals what Foundation's `JSONEncoder` with its default strategies
/// writes, read back (dates as seconds since 2001, `Data` as Base64, `URL` as its string, integral
/// numbers as ``JSONValue/integer(_:)``), and a non-finite number throws as it does there.
struct JSONValueEncoder {
    static func encode<T: Encodable>(_ value: T, at path: [any CodingKey] = []) throws -> JSONValue {
        let node = Node()
        try encode(value, into: node, at: path)
        return node.value
    }

    fileprivate static func encode<T: Encodable>(_ value: T, into node: Node, at path: [any CodingKey]) throws {
        switch value {
        case let json as JSONValue: node.scalar = json
        case let url as URL: node.scalar = .string(url.absoluteString)
        case let data as Data: node.scalar = .string(data.base64EncodedString())
        case let decimal as Decimal: node.scalar = JSONValue(number: NSDecimalNumber(decimal: decimal).doubleValue)
        default: try value.encode(to: NodeEncoder(node: node, codingPath: path))
        }
    }

    fileprivate static func number(_ value: Double, at path: [any CodingKey]) throws -> JSONValue {
        guard value.isFinite else {
            throw EncodingError.invalidValue(
                value, .init(codingPath: path, debugDescription: "Unable to encode \(value) directly in JSON."))
        }
        return JSONValue(number: value)
    }

    /// A value being built: a scalar, an object or an array whose members are built in place.
    fileprivate final class Node {
        var scalar: JSONValue?
        var object: [String: Node]?
        var array: [Node]?

        var value: JSONValue {
            if let object { return .object(object.mapValues(\.value)) }
            if let array { return .array(array.map(\.value)) }
            // A value that encoded nothing is an empty object, as JSONEncoder writes it.
            return scalar ?? .object([:])
        }

        func child(_ key: String) -> Node {
            if object == nil { object = [:] }
            let child = Node()
            object![key] = child
            return child
        }

        func appended() -> Node {
            if array == nil { array = [] }
            let child = Node()
            array!.append(child)
            return child
        }
    }

    private struct NodeEncoder: Encoder {
        let node: Node
        let codingPath: [any CodingKey]
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            if node.object == nil { node.object = [:] }
            return KeyedEncodingContainer(Keyed(node: node, codingPath: codingPath))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            if node.array == nil { node.array = [] }
            return Unkeyed(node: node, codingPath: codingPath)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer {
            SingleValue(node: node, codingPath: codingPath)
        }
    }

    private struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let node: Node
        let codingPath: [any CodingKey]

        mutating func encodeNil(forKey key: Key) throws { node.child(key.stringValue).scalar = .null }
        mutating func encode(_ value: Bool, forKey key: Key) throws {
            node.child(key.stringValue).scalar = .bool(value)
        }
        mutating func encode(_ value: String, forKey key: Key) throws {
            node.child(key.stringValue).scalar = .string(value)
        }
        mutating func encode(_ value: Double, forKey key: Key) throws {
            node.child(key.stringValue).scalar = try JSONValueEncoder.number(value, at: codingPath + [key])
        }
        mutating func encode(_ value: Int, forKey key: Key) throws {
            node.child(key.stringValue).scalar = .integer(value)
        }

        private func slot(_ key: Key) -> SingleValue {
            SingleValue(node: node.child(key.stringValue), codingPath: codingPath + [key])
        }

        mutating func encode(_ value: Float, forKey key: Key) throws {
            var container = slot(key); try container.encode(value)
        }
        mutating func encode(_ value: Int8, forKey key: Key) throws {
            var container = slot(key); try container.encode(value)
        }
        mutating func encode(_ value: Int16, forKey key: Key) throws {
            var container = slot(key); try container.encode(value)
        }
        mutating func encode(_ value: Int32, forKey key: Key) throws {
            var container = slot(key); try container.encode(value)
        }
        mutating func encode(_ value: Int64, forKey key: Key) throws {
            var container = slot(key); try container.encode(value)
        }
        mutating func encode(_ value: UInt, forKey key: Key) throws {
            var container = slot(key); try container.encode(value)
        }
        mutating func encode(_ value: UInt8, forKey key: Key) throws {
            var container = slot(key); try container.encode(value)
        }
        mutating func encode(_ value: UInt16, forKey key: Key) throws {
            var container = slot(key); try container.encode(value)
        }
        mutating func encode(_ value: UInt32, forKey key: Key) throws {
            var container = slot(key); try container.encode(value)
        }
        mutating func encode(_ value: UInt64, forKey key: Key) throws {
            var container = slot(key); try container.encode(value)
        }

        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            try JSONValueEncoder.encode(value, into: node.child(key.stringValue), at: codingPath + [key])
        }

        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy keyType: NestedKey.Type, forKey key: Key
        )
            -> KeyedEncodingContainer<NestedKey>
        {
            NodeEncoder(node: node.child(key.stringValue), codingPath: codingPath + [key]).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            NodeEncoder(node: node.child(key.stringValue), codingPath: codingPath + [key]).unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder {
            NodeEncoder(node: node.child("super"), codingPath: codingPath + [JSONValueCodingKey("super")])
        }

        mutating func superEncoder(forKey key: Key) -> any Encoder {
            NodeEncoder(node: node.child(key.stringValue), codingPath: codingPath + [key])
        }
    }

    private struct Unkeyed: UnkeyedEncodingContainer {
        let node: Node
        let codingPath: [any CodingKey]
        var count: Int { node.array?.count ?? 0 }

        private var nextPath: [any CodingKey] { codingPath + [JSONValueCodingKey(index: count)] }

        mutating func encodeNil() throws { node.appended().scalar = .null }
        mutating func encode(_ value: Bool) throws { node.appended().scalar = .bool(value) }
        mutating func encode(_ value: String) throws { node.appended().scalar = .string(value) }
        mutating func encode(_ value: Double) throws {
            let number = try JSONValueEncoder.number(value, at: nextPath)
            node.appended().scalar = number
        }
        mutating func encode(_ value: Int) throws { node.appended().scalar = .integer(value) }

        private mutating func next() -> SingleValue {
            let path = nextPath
            return SingleValue(node: node.appended(), codingPath: path)
        }

        mutating func encode(_ value: Float) throws { var container = next(); try container.encode(value) }
        mutating func encode(_ value: Int8) throws { var container = next(); try container.encode(value) }
        mutating func encode(_ value: Int16) throws { var container = next(); try container.encode(value) }
        mutating func encode(_ value: Int32) throws { var container = next(); try container.encode(value) }
        mutating func encode(_ value: Int64) throws { var container = next(); try container.encode(value) }
        mutating func encode(_ value: UInt) throws { var container = next(); try container.encode(value) }
        mutating func encode(_ value: UInt8) throws { var container = next(); try container.encode(value) }
        mutating func encode(_ value: UInt16) throws { var container = next(); try container.encode(value) }
        mutating func encode(_ value: UInt32) throws { var container = next(); try container.encode(value) }
        mutating func encode(_ value: UInt64) throws { var container = next(); try container.encode(value) }

        mutating func encode<T: Encodable>(_ value: T) throws {
            let path = nextPath
            try JSONValueEncoder.encode(value, into: node.appended(), at: path)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy keyType: NestedKey.Type
        ) -> KeyedEncodingContainer<NestedKey> {
            let path = nextPath
            return NodeEncoder(node: node.appended(), codingPath: path).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let path = nextPath
            return NodeEncoder(node: node.appended(), codingPath: path).unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder {
            let path = nextPath
            return NodeEncoder(node: node.appended(), codingPath: path)
        }
    }

    private struct SingleValue: SingleValueEncodingContainer {
        let node: Node
        let codingPath: [any CodingKey]

        mutating func encodeNil() throws { node.scalar = .null }
        mutating func encode(_ value: Bool) throws { node.scalar = .bool(value) }
        mutating func encode(_ value: String) throws { node.scalar = .string(value) }
        mutating func encode(_ value: Double) throws {
            node.scalar = try JSONValueEncoder.number(value, at: codingPath)
        }
        mutating func encode(_ value: Float) throws {
            // As JSONEncoder prints it: the shortest decimal that reads back as this Float.
            guard value.isFinite else {
                node.scalar = try JSONValueEncoder.number(Double(value), at: codingPath); return
            }
            node.scalar = JSONValue(number: Double("\(value)") ?? Double(value))
        }
        mutating func encode(_ value: Int) throws { node.scalar = .integer(value) }
        mutating func encode(_ value: Int8) throws { node.scalar = .integer(Int(value)) }
        mutating func encode(_ value: Int16) throws { node.scalar = .integer(Int(value)) }
        mutating func encode(_ value: Int32) throws { node.scalar = .integer(Int(value)) }
        mutating func encode(_ value: Int64) throws { node.scalar = .integer(Int(value)) }
        mutating func encode(_ value: UInt) throws { node.scalar = Self.unsigned(UInt64(value)) }
        mutating func encode(_ value: UInt8) throws { node.scalar = .integer(Int(value)) }
        mutating func encode(_ value: UInt16) throws { node.scalar = .integer(Int(value)) }
        mutating func encode(_ value: UInt32) throws { node.scalar = .integer(Int(value)) }
        mutating func encode(_ value: UInt64) throws { node.scalar = Self.unsigned(value) }

        mutating func encode<T: Encodable>(_ value: T) throws {
            try JSONValueEncoder.encode(value, into: node, at: codingPath)
        }

        /// Above `Int.max` a JSON number reads back as the nearest `Double`.
        private static func unsigned(_ value: UInt64) -> JSONValue {
            Int(exactly: value).map(JSONValue.integer) ?? .number(Double(value))
        }
    }
}
