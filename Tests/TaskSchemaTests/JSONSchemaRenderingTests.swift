import TaskSchema
import Testing

@Suite struct JSONSchemaRenderingTests {
    @Test func rendersASchemaAsJSONSchema() {
        let schema = Schema(
            type: [.object],
            properties: [
                .init("message", Schema(type: [.string], minLength: 1, maxLength: 10000, description: "The text.")),
                .init(
                    "ratio", Schema(type: [.number], minimum: 0, exclusiveMaximum: 1.5, multipleOf: 0.25, default: 1.0)),
                .init("label", Schema(type: [.string, .null], enum: ["car", nil])),
                .init("region", Schema(title: "Region", ref: "BBox")),
                .init("tags", Schema(type: [.array], items: Schema(type: [.string], format: .uuid), uniqueItems: true)),
                .init("meta", Schema(type: [.object], additionalProperties: true)),
            ],
            required: ["message"],
            location: SourceLocation(file: "tasks.yaml", line: 3, column: 5))
        let expected: JSONValue = [
            "type": "object",
            "properties": [
                "message": ["type": "string", "minLength": 1, "maxLength": 10000, "description": "The text."],
                "ratio": ["type": "number", "minimum": 0, "exclusiveMaximum": 1.5, "multipleOf": 0.25, "default": 1],
                "label": ["type": ["string", "null"], "enum": ["car", nil]],
                "region": ["$ref": "#/components/schemas/BBox", "title": "Region"],
                "tags": ["type": "array", "items": ["type": "string", "format": "uuid"], "uniqueItems": true],
                "meta": ["type": "object", "additionalProperties": true],
            ],
            "required": ["message"],
            "additionalProperties": false,
        ]
        #expect(schema.jsonSchema(refPrefix: "#/components/schemas/") == expected)
        #expect(Schema(ref: "BBox").jsonSchema() == ["$ref": "#/$defs/BBox"])
        #expect(Schema().jsonSchema() == [:])
    }

    @Test func rendersIntegralNumbersAsIntegers() {
        let json = Schema(type: [.number], minimum: 2.0, maximum: 2.5).jsonSchema()
        #expect(json["minimum"] == .integer(2))
        #expect(json["maximum"] == .number(2.5))
        #expect(json["minimum"]?.canonicalString() == "2")
    }
}
