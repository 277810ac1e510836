import TaskSchema
import Testing

/// A schema using one keyword (besides `type`), to round-trip through JSON Schema.
struct KeywordCase: Sendable, CustomTestStringConvertible {
    var keyword: String
    var schema: Schema

    var testDescription: String { keyword }
}

let keywordCases: [KeywordCase] = [
    KeywordCase(keyword: "type", schema: Schema(type: [.integer])),
    KeywordCase(keyword: "type with null", schema: Schema(type: [.string, .null])),
    KeywordCase(
        keyword: "properties",
        schema: Schema(
            type: [.object],
            properties: [
                .init("a", Schema(type: [.string])), .init("b", Schema(type: [.object], additionalProperties: false)),
            ],
            additionalProperties: false)),
    KeywordCase(
        keyword: "required",
        schema: Schema(
            type: [.object], properties: [.init("a", Schema(type: [.string]))], required: ["a"],
            additionalProperties: false)),
    KeywordCase(keyword: "additionalProperties", schema: Schema(type: [.object], additionalProperties: true)),
    KeywordCase(keyword: "enum", schema: Schema(type: [.string, .null], enum: ["car", 1, 2.5, nil])),
    KeywordCase(keyword: "const", schema: Schema(const: ["nested": [true, nil]])),
    KeywordCase(keyword: "minimum", schema: Schema(type: [.number], minimum: -1.5)),
    KeywordCase(keyword: "maximum", schema: Schema(type: [.number], maximum: 3600)),
    KeywordCase(keyword: "exclusiveMinimum", schema: Schema(type: [.number], exclusiveMinimum: 0)),
    KeywordCase(keyword: "exclusiveMaximum", schema: Schema(type: [.number], exclusiveMaximum: 1)),
    KeywordCase(keyword: "multipleOf", schema: Schema(type: [.number], multipleOf: 0.25)),
    KeywordCase(keyword: "minLength", schema: Schema(type: [.string], minLength: 1)),
    KeywordCase(keyword: "maxLength", schema: Schema(type: [.string], maxLength: 10000)),
    KeywordCase(keyword: "pattern", schema: Schema(type: [.string], pattern: #"^\d+/[a-z]$"#)),
    KeywordCase(keyword: "format", schema: Schema(type: [.string], format: .dateTime)),
    KeywordCase(keyword: "items", schema: Schema(type: [.array], items: Schema(type: [.number]))),
    KeywordCase(keyword: "minItems", schema: Schema(type: [.array], minItems: 4)),
    KeywordCase(keyword: "maxItems", schema: Schema(type: [.array], maxItems: 4)),
    KeywordCase(keyword: "uniqueItems", schema: Schema(type: [.array], uniqueItems: true)),
    KeywordCase(keyword: "default", schema: Schema(type: [.integer], default: 10)),
    KeywordCase(keyword: "title", schema: Schema(type: [.string], title: "Label")),
    KeywordCase(keyword: "description", schema: Schema(type: [.string], description: "The text.")),
    KeywordCase(keyword: "$ref", schema: Schema(description: "Area.", ref: "BBox")),
]

@Suite struct JSONSchemaDecodingTests {
    @Test(arguments: keywordCases)
    func roundTripsTheKeyword(_ keywordCase: KeywordCase) throws {
        #expect(try Schema(jsonSchema: keywordCase.schema.jsonSchema()) == keywordCase.schema)
    }

    @Test func everyKeywordHasACase() {
        let keywords = Set(keywordCases.flatMap { $0.schema.jsonSchema().objectValue?.keys.map { $0 } ?? [] })
        #expect(
            keywords == [
                "type", "properties", "required", "additionalProperties", "enum", "const", "minimum", "maximum",
                "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minLength", "maxLength", "pattern", "format",
                "items", "minItems", "maxItems", "uniqueItems", "default", "title", "description", "$ref",
            ])
    }

    @Test func readsAnyRefPrefix() throws {
        #expect(try Schema(jsonSchema: ["$ref": "#/components/schemas/BBox"]) == Schema(ref: "BBox"))
    }

    @Test func ordersPropertiesByName() throws {
        let schema = try Schema(jsonSchema: ["type": "object", "properties": ["b": [:], "a": [:]]])
        #expect(schema.properties.map(\.name) == ["a", "b"])
    }

    @Test(
        arguments: [
            (JSONValue.string("object"), "at '/': a schema must be an object, found string"),
            (
                ["type": "objet"],
                #"at '/': 'type' must be a type name or a non-empty array of type names, found "objet""#
            ),
            (["type": []], "at '/': 'type' must be a type name or a non-empty array of type names, found []"),
            (["oneOf": []], "at '/': unknown keyword 'oneOf'"),
            (
                ["type": "object", "properties": ["a": ["maxLength": -1]]],
                "at '/properties/a': 'maxLength' must be a non-negative integer, found -1"
            ),
            (["items": ["maximum": "ten"]], #"at '/items': 'maximum' must be a number, found "ten""#),
            (["required": ["a", 1]], #"at '/': 'required' must be an array of strings, found ["a",1]"#),
            (
                ["format": "phone"],
                #"at '/': 'format' must be one of 'date', 'date-time', 'uuid', 'uri', 'email', 'dataset', found "phone""#
            ),
            (["uniqueItems": "yes"], #"at '/': 'uniqueItems' must be a boolean, found "yes""#),
            (["$ref": "BBox"], ##"at '/': '$ref' must be a pointer such as "#/$defs/Name", found "BBox""##),
        ] as [(JSONValue, String)])
    func rejectsWhatItCannotRead(_ json: JSONValue, _ message: String) {
        #expect {
            try Schema(jsonSchema: json)
        } throws: { error in
            (error as? JSONSchemaDecodingError)?.description == message
        }
    }

    @Test func canonicalSchemasRoundTrip() throws {
        let registry = try parseRegistry(
            """
            types:
              BBox: {type: array, items: {type: number}, minItems: 4, maxItems: 4, description: The corners.}
            tasks:
              detect:
                version: 1
                summary: Detect.
                timeout: 30s
                input:
                  type: object
                  required: [url, level]
                  properties:
                    url: {type: string, format: uri, title: URL}
                    region: {$ref: '#/types/BBox', description: Area to search.}
                    level: {type: [string, "null"], enum: [low, high, null], default: low}
                    options:
                      type: object
                      additionalProperties: true
                      properties:
                        threshold: {type: number, exclusiveMinimum: 0, maximum: 1, multipleOf: 0.01}
                        tags: {type: array, items: {type: string, pattern: '^[a-z]+$', minLength: 1, maxLength: 9}, uniqueItems: true}
                output: {type: object, properties: {mode: {const: fast}}}
            """)
        let task = try #require(registry.task(named: "detect"))
        let canonical = CanonicalSchema(task.input, in: registry)
        let schema = try canonical.schema()
        #expect(CanonicalSchema(schema, in: Registry(file: "", types: [], tasks: [])) == canonical)
        #expect(schema.property("region")?.description == "Area to search.")
        #expect(canonical.annotations["/properties/region"] == SchemaAnnotations(description: "Area to search."))
        #expect(canonical.json["required"] == ["level", "url"])
        #expect(canonical.json["properties"]?["level"]?["enum"] == ["high", "low", nil])
        #expect(
            CompatibilityClassifier.changes(from: schema, to: registry.resolvingRefs(in: task.input), direction: .input)
                .isEmpty)
    }
}
