import TaskSchema

/// Small builders for the JSON Schemas and references the document is made of.
public enum JSONSchema {
    /// `{"$ref": "#/components/schemas/<name>"}`.
    public static func ref(_ name: String) -> JSONValue {
        ["$ref": .string(schemaPointer(name))]
    }

    /// The JSON pointer of the component schema `name`.
    public static func schemaPointer(_ name: String) -> String {
        "#/components/schemas/" + name
    }

    /// The component schema `name`, or `null`.
    public static func nullableRef(_ name: String) -> JSONValue {
        nullable(ref(name))
    }

    /// An object with exactly `properties`, every one of them required.
    public static func closedObject(_ properties: [String: JSONValue]) -> JSONValue {
        [
            "type": "object",
            "properties": .object(properties),
            "required": .array(properties.keys.sorted().map(JSONValue.string)),
            "additionalProperties": false,
        ]
    }

    /// A value of JSON type `type`; with `nullable`, `[type, "null"]`.
    public static func scalar(_ type: JSONType, nullable: Bool = false) -> JSONValue {
        ["type": nullable ? [.string(type.rawValue), "null"] : .string(type.rawValue)]
    }

    /// An RFC 3339 timestamp (`2026-11-24T10:15:30.123Z`); with `nullable`, or `null`.
    public static func timestamp(nullable: Bool = false) -> JSONValue {
        scalar(.string, nullable: nullable).adding(["format": "date-time"])
    }

    /// An array of `items`.
    public static func array(of items: JSONValue) -> JSONValue {
        ["type": "array", "items": items]
    }

    /// `schema`, or `null`: `[type, "null"]` for a schema with one `type`, else `oneOf` it and `null`.
    public static func nullable(_ schema: JSONValue) -> JSONValue {
        if case .string(let type)? = schema["type"] { return schema.adding(["type": [.string(type), "null"]]) }
        return ["oneOf": [schema, ["type": "null"]]]
    }

    /// Any JSON value, `null` included.
    public static let anyValue: JSONValue = [:]
}

extension JSONValue {
    /// This object with `members` added (replacing members of the same name); other values unchanged.
    public func adding(_ members: [String: JSONValue]) -> JSONValue {
        guard case .object(let object) = self else { return self }
        return .object(object.merging(members) { _, new in new })
    }

    /// This object schema with `properties` added to its `properties`, not to `required`.
    public func addingOptionalProperties(_ properties: [String: JSONValue]) -> JSONValue {
        guard case .object(let existing)? = self["properties"] else { return self }
        return adding(["properties": .object(existing.merging(properties) { _, new in new })])
    }

    /// This object with a `description`.
    public func described(_ description: String) -> JSONValue {
        adding(["description": .string(description)])
    }
}
