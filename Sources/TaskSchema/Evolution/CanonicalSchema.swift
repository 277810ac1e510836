/// The form in which a task's input or output schema is locked and fingerprinted.
///
/// ``json`` is the schema with its `$ref`s resolved, rendered as JSON Schema
/// (``Schema/jsonSchema(refPrefix:)``), with `required` and `enum` sorted (both are sets) and
/// without annotations. The annotations (`title`, `description`) are kept apart in
/// ``annotations``, keyed by the JSON pointer of their node, so that editing a description is not
/// a schema change. Object keys are sorted when the value is encoded (``JSONValue/canonicalData()``).
public struct CanonicalSchema: Sendable, Hashable {
    /// The fingerprinted part: a JSON Schema without `$ref`, `title` or `description`.
    public var json: JSONValue
    /// `title` and `description` by JSON pointer: `"/properties/message": {"description": "..."}`.
    public var annotations: [String: SchemaAnnotations]

    public init(json: JSONValue, annotations: [String: SchemaAnnotations] = [:]) {
        self.json = json
        self.annotations = annotations
    }

    /// The canonical form of `schema`, a task's input or output, resolving its `$ref`s in `registry`.
    public init(_ schema: Schema, in registry: Registry) {
        var annotations: [String: SchemaAnnotations] = [:]
        let stripped = Self.canonicalized(registry.resolvingRefs(in: schema), at: "", annotations: &annotations)
        self.init(json: stripped.jsonSchema(), annotations: annotations)
    }

    /// The schema back as a ``Schema``, annotations included, without locations; properties come
    /// in name order (JSON objects keep no order). Used to compare against a locked version and to
    /// generate the types of older accepted versions (`Search.V1.Input`).
    public func schema() throws(JSONSchemaDecodingError) -> Schema {
        Self.annotated(try Schema(jsonSchema: json), at: "", with: annotations)
    }

    private static func canonicalized(
        _ schema: Schema, at pointer: String, annotations: inout [String: SchemaAnnotations]
    ) -> Schema {
        var result = schema
        let annotation = SchemaAnnotations(title: schema.title, description: schema.description)
        if !annotation.isEmpty { annotations[pointer] = annotation }
        result.title = nil
        result.description = nil
        result.location = nil
        result.required = schema.required.sorted()
        result.enumValues = schema.enumValues?.sorted { $0.canonicalString() < $1.canonicalString() }
        result.properties = schema.properties.map { property in
            let path = pointer + "/properties/" + JSONPointer.escape(property.name)
            return Schema.Property(property.name, canonicalized(property.schema, at: path, annotations: &annotations))
        }
        result.items = schema.items.map { canonicalized($0, at: pointer + "/items", annotations: &annotations) }
        return result
    }

    private static func annotated(
        _ schema: Schema, at pointer: String, with annotations: [String: SchemaAnnotations]
    )
        -> Schema
    {
        var result = schema
        if let annotation = annotations[pointer] {
            result.title = annotation.title
            result.description = annotation.description
        }
        result.properties = schema.properties.map { property in
            let path = pointer + "/properties/" + JSONPointer.escape(property.name)
            return Schema.Property(property.name, annotated(property.schema, at: path, with: annotations))
        }
        result.items = schema.items.map { annotated($0, at: pointer + "/items", with: annotations) }
        return result
    }
}

/// The annotations of one schema node, kept out of the fingerprint.
public struct SchemaAnnotations: Sendable, Hashable, Codable {
    public var title: String?
    public var description: String?

    public init(title: String? = nil, description: String? = nil) {
        self.title = title
        self.description = description
    }

    /// Whether neither annotation is set.
    public var isEmpty: Bool { title == nil && description == nil }
}
