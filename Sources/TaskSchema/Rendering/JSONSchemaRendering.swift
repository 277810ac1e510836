extension Schema {
    /// This schema as a JSON Schema 2020-12 document.
    ///
    /// A `$ref` renders as `refPrefix + name` (`#/$defs/BBox` by default), beside any `title`,
    /// `description` and `default`. Keywords appear only when set, except that object schemas
    /// without `additionalProperties` render `"additionalProperties": false`, as Taskforge closes
    /// objects by default. Integral numbers render as integers.
    public func jsonSchema(refPrefix: String = "#/$defs/") -> JSONValue {
        var json: [String: JSONValue] = [:]
        if let ref { json["$ref"] = .string(refPrefix + ref) }
        if let types {
            json["type"] = types.count == 1 ? .string(types[0].rawValue) : .array(types.map { .string($0.rawValue) })
        }
        if !properties.isEmpty {
            json["properties"] = .object(
                Dictionary(
                    properties.map { ($0.name, $0.schema.jsonSchema(refPrefix: refPrefix)) },
                    uniquingKeysWith: { first, _ in first }))
        }
        if !required.isEmpty { json["required"] = .array(required.map(JSONValue.string)) }
        if let additionalProperties {
            json["additionalProperties"] = .bool(additionalProperties)
        } else if types?.contains(.object) == true {
            json["additionalProperties"] = false
        }
        if let enumValues { json["enum"] = .array(enumValues) }
        if let constValue { json["const"] = constValue }
        let numbers: [(String, Double?)] = [
            ("minimum", minimum), ("maximum", maximum), ("exclusiveMinimum", exclusiveMinimum),
            ("exclusiveMaximum", exclusiveMaximum), ("multipleOf", multipleOf),
        ]
        for case (let key, let value?) in numbers { json[key] = JSONValue(number: value) }
        let counts: [(String, Int?)] = [
            ("minLength", minLength), ("maxLength", maxLength), ("minItems", minItems), ("maxItems", maxItems),
        ]
        for case (let key, let value?) in counts { json[key] = .integer(value) }
        if let pattern { json["pattern"] = .string(pattern) }
        if let format { json["format"] = .string(format.rawValue) }
        if let items { json["items"] = items.jsonSchema(refPrefix: refPrefix) }
        if let uniqueItems { json["uniqueItems"] = .bool(uniqueItems) }
        if let defaultValue { json["default"] = defaultValue }
        if let title { json["title"] = .string(title) }
        if let description { json["description"] = .string(description) }
        return .object(json)
    }
}
