import Foundation

/// Decodes a `Decodable` value straight from a ``JSONValue``, without printing it to JSON text and
/// parsing that again; it decodes as Foundation's `JSONDecoder` with its default strategies does
/// (dates as seconds since 2001, `Data` as Base64, `URL` from a string, numbers converted only when
/// exact), and throws the same kinds of `DecodingError`.
struct JSONValueDecoder {
    static func decode<T: Decodable>(_ type: T.Type, from value: JSONValue, at path: [any CodingKey] = []) throws -> T {
        if T.self == JSONValue.self { return value as! T }
        if T.self == URL.self {
            let text = try SingleValue(value: value, codingPath: path).decode(String.self)
            guard let url = URL(string: text) else {
                throw DecodingError.dataCorrupted(.init(codingPath: path, debugDescription: "Invalid URL string."))
            }
            return url as! T
        }
        if T.self == Data.self {
            let text = try SingleValue(value: value, codingPath: path).decode(String.self)
            guard let data = Data(base64Encoded: text) else {
                throw DecodingError.dataCorrupted(
                    .init(codingPath: path, debugDescription: "Encountered Data is not valid Base64."))
            }
            return data as! T
        }
        if T.self == Decimal.self {
            switch value {
            case .integer(let number): return Decimal(number) as! T
            case .number(let number): return Decimal(number) as! T
            default: throw SingleValue.mismatch(Decimal.self, value, path)
            }
        }
        return try T(from: ValueDecoder(value: value, codingPath: path))
    }

    private struct ValueDecoder: Decoder {
        let value: JSONValue
        let codingPath: [any CodingKey]
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
            guard case .object(let object) = value else {
                throw SingleValue.mismatch([String: JSONValue].self, value, codingPath)
            }
            return KeyedDecodingContainer(Keyed(object: object, codingPath: codingPath))
        }

        func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
            guard case .array(let array) = value else {
                throw SingleValue.mismatch([JSONValue].self, value, codingPath)
            }
            return Unkeyed(array: array, codingPath: codingPath)
        }

        func singleValueContainer() throws -> any SingleValueDecodingContainer {
            SingleValue(value: value, codingPath: codingPath)
        }
    }

    private struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let object: [String: JSONValue]
        let codingPath: [any CodingKey]
        var allKeys: [Key] { object.keys.compactMap { Key(stringValue: $0) } }

        func contains(_ key: Key) -> Bool { object[key.stringValue] != nil }

        private func value(_ key: Key) throws -> JSONValue {
            guard let value = object[key.stringValue] else {
                throw DecodingError.keyNotFound(
                    key,
                    .init(codingPath: codingPath, debugDescription: "No value associated with key \(key.stringValue)."))
            }
            return value
        }

        func decodeNil(forKey key: Key) throws -> Bool { try value(key) == .null }

        private func single(_ key: Key) throws -> SingleValue {
            SingleValue(value: try value(key), codingPath: codingPath + [key])
        }

        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try single(key).decode(type) }
        func decode(_ type: String.Type, forKey key: Key) throws -> String { try single(key).decode(type) }
        func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try single(key).decode(type) }
        func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try single(key).decode(type) }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try single(key).decode(type) }
        func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try single(key).decode(type) }
        func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try single(key).decode(type) }
        func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try single(key).decode(type) }
        func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try single(key).decode(type) }
        func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try single(key).decode(type) }
        func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try single(key).decode(type) }
        func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try single(key).decode(type) }
        func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try single(key).decode(type) }
        func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try single(key).decode(type) }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            try JSONValueDecoder.decode(type, from: try value(key), at: codingPath + [key])
        }

        func nestedContainer<NestedKey: CodingKey>(
            keyedBy type: NestedKey.Type, forKey key: Key
        ) throws
            -> KeyedDecodingContainer<NestedKey>
        {
            try ValueDecoder(value: try value(key), codingPath: codingPath + [key]).container(keyedBy: type)
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            try ValueDecoder(value: try value(key), codingPath: codingPath + [key]).unkeyedContainer()
        }

        func superDecoder() throws -> any Decoder {
            ValueDecoder(value: object["super"] ?? .null, codingPath: codingPath + [JSONValueCodingKey("super")])
        }

        func superDecoder(forKey key: Key) throws -> any Decoder {
            ValueDecoder(value: object[key.stringValue] ?? .null, codingPath: codingPath + [key])
        }
    }

    private struct Unkeyed: UnkeyedDecodingContainer {
        let array: [JSONValue]
        let codingPath: [any CodingKey]
        private(set) var currentIndex = 0

        init(array: [JSONValue], codingPath: [any CodingKey]) {
            self.array = array
            self.codingPath = codingPath
        }

        var count: Int? { array.count }
        var isAtEnd: Bool { currentIndex >= array.count }

        private mutating func next<T>(_ type: T.Type) throws -> (JSONValue, [any CodingKey]) {
            guard !isAtEnd else {
                throw DecodingError.valueNotFound(
                    type,
                    .init(
                        codingPath: codingPath + [JSONValueCodingKey(index: currentIndex)],
                        debugDescription: "Unkeyed container is at end."))
            }
            defer { currentIndex += 1 }
            return (array[currentIndex], codingPath + [JSONValueCodingKey(index: currentIndex)])
        }

        mutating func decodeNil() throws -> Bool {
            guard !isAtEnd, array[currentIndex] == .null else { return false }
            currentIndex += 1
            return true
        }

        private mutating func single<T>(_ type: T.Type) throws -> SingleValue {
            let (value, path) = try next(type)
            return SingleValue(value: value, codingPath: path)
        }

        mutating func decode(_ type: Bool.Type) throws -> Bool { try single(type).decode(type) }
        mutating func decode(_ type: String.Type) throws -> String { try single(type).decode(type) }
        mutating func decode(_ type: Double.Type) throws -> Double { try single(type).decode(type) }
        mutating func decode(_ type: Float.Type) throws -> Float { try single(type).decode(type) }
        mutating func decode(_ type: Int.Type) throws -> Int { try single(type).decode(type) }
        mutating func decode(_ type: Int8.Type) throws -> Int8 { try single(type).decode(type) }
        mutating func decode(_ type: Int16.Type) throws -> Int16 { try single(type).decode(type) }
        mutating func decode(_ type: Int32.Type) throws -> Int32 { try single(type).decode(type) }
        mutating func decode(_ type: Int64.Type) throws -> Int64 { try single(type).decode(type) }
        mutating func decode(_ type: UInt.Type) throws -> UInt { try single(type).decode(type) }
        mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try single(type).decode(type) }
        mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try single(type).decode(type) }
        mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try single(type).decode(type) }
        mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try single(type).decode(type) }

        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
            let (value, path) = try next(type)
            return try JSONValueDecoder.decode(type, from: value, at: path)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy type: NestedKey.Type
        ) throws -> KeyedDecodingContainer<NestedKey> {
            let (value, path) = try next(KeyedDecodingContainer<NestedKey>.self)
            return try ValueDecoder(value: value, codingPath: path).container(keyedBy: type)
        }

        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
            let (value, path) = try next((any UnkeyedDecodingContainer).self)
            return try ValueDecoder(value: value, codingPath: path).unkeyedContainer()
        }

        mutating func superDecoder() throws -> any Decoder {
            let (value, path) = try next((any Decoder).self)
            return ValueDecoder(value: value, codingPath: path)
        }
    }

    fileprivate struct SingleValue: SingleValueDecodingContainer {
        let value: JSONValue
        let codingPath: [any CodingKey]

        static func mismatch(_ type: Any.Type, _ value: JSONValue, _ path: [any CodingKey]) -> DecodingError {
            value == .null
                ? .valueNotFound(
                    type, .init(codingPath: path, debugDescription: "Expected \(type) value but found null instead."))
                : .typeMismatch(
                    type,
                    .init(
                        codingPath: path,
                        debugDescription: "Expected to decode \(type) but found \(value.typeName) instead."))
        }

        func decodeNil() -> Bool { value == .null }

        func decode(_ type: Bool.Type) throws -> Bool {
            guard case .bool(let bool) = value else { throw Self.mismatch(type, value, codingPath) }
            return bool
        }

        func decode(_ type: String.Type) throws -> String {
            guard case .string(let string) = value else { throw Self.mismatch(type, value, codingPath) }
            return string
        }

        func decode(_ type: Double.Type) throws -> Double {
            switch value {
            case .integer(let number): return Double(number)
            case .number(let number): return number
            default: throw Self.mismatch(type, value, codingPath)
            }
        }

        func decode(_ type: Float.Type) throws -> Float {
            let number = try decode(Double.self)
            guard number.magnitude <= Double(Float.greatestFiniteMagnitude) else {
                throw DecodingError.dataCorrupted(
                    .init(
                        codingPath: codingPath,
                        debugDescription: "Parsed JSON number <\(number)> does not fit in Float."))
            }
            return Float(number)
        }

        func decode(_ type: Int.Type) throws -> Int { try integer(type) }
        func decode(_ type: Int8.Type) throws -> Int8 { try integer(type) }
        func decode(_ type: Int16.Type) throws -> Int16 { try integer(type) }
        func decode(_ type: Int32.Type) throws -> Int32 { try integer(type) }
        func decode(_ type: Int64.Type) throws -> Int64 { try integer(type) }
        func decode(_ type: UInt.Type) throws -> UInt { try integer(type) }
        func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(type) }
        func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(type) }
        func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(type) }
        func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(type) }

        func decode<T: Decodable>(_ type: T.Type) throws -> T {
            try JSONValueDecoder.decode(type, from: value, at: codingPath)
        }

        /// The number as `T`, only when it is exactly one (`1.0` is, `1.5` and `300` for `UInt8` are not).
        private func integer<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
            let exact: T? =
                switch value {
                case .integer(let number): T(exactly: number)
                case .number(let number): T(exactly: number)
                default: throw Self.mismatch(type, value, codingPath)
                }
            guard let exact else {
                throw DecodingError.dataCorrupted(
                    .init(
                        codingPath: codingPath,
                        debugDescription: "Parsed JSON number <\(value.canonicalString())> does not fit in \(type)."))
            }
            return exact
        }
    }
}

/// A coding key made up for a position in an array or a `super` entry.
struct JSONValueCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int?

    init(_ string: String) {
        stringValue = string
    }

    init(index: Int) {
        stringValue = "Index \(index)"
        intValue = index
    }

    init?(stringValue: String) { self.init(stringValue) }
    init?(intValue: Int) { self.init(index: intValue) }
}
