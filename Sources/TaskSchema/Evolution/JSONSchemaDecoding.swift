/// Why a JSON Schema document could not be read into a ``Schema``.
public struct JSONSchemaDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The JSON pointer of the offending schema node; `""` is the root.
    public var pointer: String
    public var message: String

    public init(pointer: String, message: String) {
        self.pointer = pointer
        self.message = message
    }

    /// `at '/properties/limit': 'maximum' must be a number, found "ten"`.
    public var description: String {
        "at '\(pointer.isEmpty ? "/" : pointer)': \(message)"
    }
}

extension Schema {
    /// Reads a JSON Schema written with Taskforge's keywords (as ``jsonSchema(refPrefix:)`` renders
    /// them, and as the schema lock stores them) back into a ``Schema``, without locations.
    ///
    /// `properties` come in name order, as JSON objects keep no order. A `$ref` keeps the last
    /// segment of its pointer (`#/$defs/BBox` -> `BBox`). Unknown keywords and values of the wrong
    /// type are errors, so that nothing in a locked schema is silently dropped.
    public init(jsonSchema json: JSONValue) throws(JSONSchemaDecodingError) {
        try self.init(jsonSchema: json, at: "")
    }

    private init(jsonSchema json: JSONValue, at pointer: String) throws(JSONSchemaDecodingError) {
        guard let object = json.objectValue else {
            throw JSONSchemaDecodingError(
                pointer: pointer, message: "a schema must be an object, found \(json.typeName)")
        }
        self.init()
        let reader = KeywordReader(pointer: pointer)
        for (key, value) in object.sorted(by: { $0.key < $1.key }) {
            guard let keyword = SchemaKeyword(rawValue: key) else {
                throw reader.failure("unknown keyword '\(key)'")
            }
            try read(keyword, value, with: reader)
        }
    }

    private mutating func read(
        _ keyword: SchemaKeyword, _ value: JSONValue, with reader: KeywordReader
    )
        throws(JSONSchemaDecodingError)
    {
        switch keyword {
        case .type: types = try reader.types(value)
        case .properties: properties = try reader.properties(value)
        case .required: required = try reader.strings(value, keyword)
        case .additionalProperties: additionalProperties = try reader.bool(value, keyword)
        case .enum: enumValues = try reader.array(value, keyword)
        case .const: constValue = value
        case .minimum: minimum = try reader.number(value, keyword)
        case .maximum: maximum = try reader.number(value, keyword)
        case .exclusiveMinimum: exclusiveMinimum = try reader.number(value, keyword)
        case .exclusiveMaximum: exclusiveMaximum = try reader.number(value, keyword)
        case .multipleOf: multipleOf = try reader.number(value, keyword)
        case .minLength: minLength = try reader.count(value, keyword)
        case .maxLength: maxLength = try reader.count(value, keyword)
        case .pattern: pattern = try reader.string(value, keyword)
        case .format: format = try reader.format(value)
        case .items: items = try Schema(jsonSchema: value, at: reader.pointer + "/items")
        case .minItems: minItems = try reader.count(value, keyword)
        case .maxItems: maxItems = try reader.count(value, keyword)
        case .uniqueItems: uniqueItems = try reader.bool(value, keyword)
        case .default: defaultValue = value
        case .title: title = try reader.string(value, keyword)
        case .description: description = try reader.string(value, keyword)
        case .ref: ref = try reader.reference(value)
        }
    }

    /// Reads the keyword values of the schema node at `pointer`.
    private struct KeywordReader {
        let pointer: String

        func failure(_ message: String) -> JSONSchemaDecodingError {
            JSONSchemaDecodingError(pointer: pointer, message: message)
        }

        private func mismatch(
            _ keyword: SchemaKeyword, _ expected: String, _ value: JSONValue
        )
            -> JSONSchemaDecodingError
        {
            failure("'\(keyword.rawValue)' must be \(expected), found \(value.canonicalString())")
        }

        func string(_ value: JSONValue, _ keyword: SchemaKeyword) throws(JSONSchemaDecodingError) -> String {
            guard let string = value.stringValue else { throw mismatch(keyword, "a string", value) }
            return string
        }

        func bool(_ value: JSONValue, _ keyword: SchemaKeyword) throws(JSONSchemaDecodingError) -> Bool {
            guard case .bool(let bool) = value else { throw mismatch(keyword, "a boolean", value) }
            return bool
        }

        func number(_ value: JSONValue, _ keyword: SchemaKeyword) throws(JSONSchemaDecodingError) -> Double {
            guard let number = value.doubleValue else { throw mismatch(keyword, "a number", value) }
            return number
        }

        func count(_ value: JSONValue, _ keyword: SchemaKeyword) throws(JSONSchemaDecodingError) -> Int {
            guard case .integer(let count) = value, count >= 0 else {
                throw mismatch(keyword, "a non-negative integer", value)
            }
            return count
        }

        func array(_ value: JSONValue, _ keyword: SchemaKeyword) throws(JSONSchemaDecodingError) -> [JSONValue] {
            guard let array = value.arrayValue else { throw mismatch(keyword, "an array", value) }
            return array
        }

        func strings(_ value: JSONValue, _ keyword: SchemaKeyword) throws(JSONSchemaDecodingError) -> [String] {
            let array = try array(value, keyword)
            let strings = array.compactMap(\.stringValue)
            guard strings.count == array.count else { throw mismatch(keyword, "an array of strings", value) }
            return strings
        }

        /// `"string"` or `["string", "null"]`.
        func types(_ value: JSONValue) throws(JSONSchemaDecodingError) -> [JSONType] {
            let names = value.arrayValue ?? [value]
            var types: [JSONType] = []
            for name in names {
                guard let type = name.stringValue.flatMap(JSONType.init(rawValue:)) else {
                    throw mismatch(.type, "a type name or a non-empty array of type names", value)
                }
                types.append(type)
            }
            guard !types.isEmpty else { throw mismatch(.type, "a type name or a non-empty array of type names", value) }
            return types
        }

        func properties(_ value: JSONValue) throws(JSONSchemaDecodingError) -> [Schema.Property] {
            guard let object = value.objectValue else { throw mismatch(.properties, "an object", value) }
            var properties: [Schema.Property] = []
            for (name, schema) in object.sorted(by: { $0.key < $1.key }) {
                let path = pointer + "/properties/" + JSONPointer.escape(name)
                properties.append(Schema.Property(name, try Schema(jsonSchema: schema, at: path)))
            }
            return properties
        }

        func format(_ value: JSONValue) throws(JSONSchemaDecodingError) -> StringFormat {
            let names = StringFormat.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            guard let format = value.stringValue.flatMap(StringFormat.init(rawValue:)) else {
                throw mismatch(.format, "one of \(names)", value)
            }
            return format
        }

        /// `#/$defs/BBox` -> `BBox`.
        func reference(_ value: JSONValue) throws(JSONSchemaDecodingError) -> String {
            let string = try string(value, .ref)
            guard string.hasPrefix("#/"), let name = string.split(separator: "/").last, name != "#" else {
                throw mismatch(.ref, "a pointer such as \"#/$defs/Name\"", value)
            }
            return String(name)
        }
    }
}
