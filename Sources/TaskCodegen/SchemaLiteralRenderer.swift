import TaskSchema

/// Renders a ``Schema`` as the Swift expression that rebuilds it at run time, for validation.
/// A `$ref` to one of the `shared` types is spelled as its constant, `SharedSchemas.BBox`, so the
/// type's schema is written once; any other `$ref` must be resolved first. Source locations are
/// left out.
enum SchemaLiteralRenderer {
    /// The namespace of the shared types' schema constants.
    static let sharedNamespace = "SharedSchemas"

    /// The expression, with continuation lines indented by `indent` (the first line is not).
    /// Schemas with properties or items span several lines; others fit on one.
    /// `used` is the columns the expression's first line starts after (by default, `indent`'s).
    static func expression(_ schema: Schema, indent: String, used: Int? = nil, shared: Set<String> = []) -> String {
        let inner = indent + "    "
        if let ref = schema.ref, shared.contains(ref) {
            return reference(ref, annotatedBy: schema, indent: indent)
        }
        var arguments: [String] = []
        func add(_ label: String, _ value: String?) {
            if let value { arguments.append("\(label): \(value)") }
        }
        add("type", schema.types.map { "[" + $0.map { ".\($0.rawValue)" }.joined(separator: ", ") + "]" })
        if !schema.properties.isEmpty {
            let members = schema.properties.map {
                let head = "\(inner)    .init(\(SwiftSyntax.stringLiteral($0.name)), "
                return head + expression($0.schema, indent: inner + "    ", used: head.count, shared: shared) + "),"
            }
            add("properties", "[\n" + members.joined(separator: "\n") + "\n\(inner)]")
        }
        add(
            "required",
            schema.required.isEmpty
                ? nil
                : SwiftSyntax.arrayLiteral(
                    schema.required.map(SwiftSyntax.stringLiteral), indent: inner, used: inner.count + 10))
        add("additionalProperties", schema.additionalProperties.map { $0 ? "true" : "false" })
        add(
            "enum",
            schema.enumValues.map {
                SwiftSyntax.arrayLiteral($0.map(SwiftSyntax.jsonLiteral), indent: inner, used: inner.count + 6)
            })
        add("const", schema.constValue.map(SwiftSyntax.jsonLiteral))
        add("minimum", schema.minimum.map(SwiftSyntax.number))
        add("maximum", schema.maximum.map(SwiftSyntax.number))
        add("exclusiveMinimum", schema.exclusiveMinimum.map(SwiftSyntax.number))
        add("exclusiveMaximum", schema.exclusiveMaximum.map(SwiftSyntax.number))
        add("multipleOf", schema.multipleOf.map(SwiftSyntax.number))
        add("minLength", schema.minLength.map(String.init))
        add("maxLength", schema.maxLength.map(String.init))
        add("pattern", schema.pattern.map(SwiftSyntax.stringLiteral))
        add("format", schema.format.map { ".\(SwiftSyntax.caseName($0.rawValue))" })
        add("items", schema.items.map { expression($0, indent: inner, shared: shared) })
        add("minItems", schema.minItems.map(String.init))
        add("maxItems", schema.maxItems.map(String.init))
        add("uniqueItems", schema.uniqueItems.map { $0 ? "true" : "false" })
        add("default", schema.defaultValue.map(SwiftSyntax.jsonLiteral))
        add("title", schema.title.map { SwiftSyntax.stringLiteral($0, indent: inner, used: inner.count + 7) })
        add(
            "description",
            schema.description.map { SwiftSyntax.stringLiteral($0, indent: inner, used: inner.count + 13) })
        let oneLine = "Schema(" + arguments.joined(separator: ", ") + ")"
        if schema.properties.isEmpty && schema.items == nil && !oneLine.contains("\n")
            && (used ?? indent.count) + oneLine.count + 3 <= CodeWriter.maximumWidth
        {
            return oneLine
        }
        return "Schema(\n" + arguments.map { inner + $0 }.joined(separator: ",\n") + "\n\(indent))"
    }

    /// `SharedSchemas.BBox`, with the annotations the referencing schema sets beside its `$ref`
    /// (which win over the type's own, as ``Registry/resolvingRefs(in:)`` has it).
    private static func reference(_ name: String, annotatedBy schema: Schema, indent: String) -> String {
        let inner = indent + "    "
        var annotations: [String] = []
        if let description = schema.description {
            annotations.append(
                "description: " + SwiftSyntax.stringLiteral(description, indent: inner, used: inner.count + 13))
        }
        if let title = schema.title {
            annotations.append("title: " + SwiftSyntax.stringLiteral(title, indent: inner, used: inner.count + 7))
        }
        if let value = schema.defaultValue { annotations.append("default: " + SwiftSyntax.jsonLiteral(value)) }
        let constant = "\(sharedNamespace).\(name)"
        guard !annotations.isEmpty else { return constant }
        let oneLine = constant + ".annotated(" + annotations.joined(separator: ", ") + ")"
        if !oneLine.contains("\n") && inner.count + oneLine.count <= CodeWriter.maximumWidth { return oneLine }
        return constant + ".annotated(\n" + annotations.map { inner + $0 }.joined(separator: ",\n") + "\n\(indent))"
    }
}
