import TaskSchema

/// Renders a ``Schema`` as the Swift expression that rebuilds it at run time, for validation.
/// `$ref`s must be resolved first; source locations are left out.
enum SchemaLiteralRenderer {
    /// The expression, with continuation lines indented by `indent` (the first line is not).
    /// Schemas with properties or items span several lines; others fit on one.
    /// `used` is the columns the expression's first line starts after (by default, `indent`'s).
    static func expression(_ schema: Schema, indent: String, used: Int? = nil) -> String {
        let inner = indent + "    "
        var arguments: [String] = []
        func add(_ label: String, _ value: String?) {
            if let value { arguments.append("\(label): \(value)") }
        }
        add("type", schema.types.map { "[" + $0.map { ".\($0.rawValue)" }.joined(separator: ", ") + "]" })
        if !schema.properties.isEmpty {
            let members = schema.properties.map {
                let head = "\(inner)    .init(\(SwiftSyntax.stringLiteral($0.name)), "
                return head + expression($0.schema, indent: inner + "    ", used: head.count) + "),"
            }
            add("properties", "[\n" + members.joined(separator: "\n") + "\n\(inner)]")
        }
        add(
            "required",
            schema.required.isEmpty
                ? nil
                : SwiftSyntax.arrayLiteral(schema.required.map(SwiftSyntax.stringLiteral), indent: inner, used: inner.count + 10))
        add("additionalProperties", schema.additionalProperties.map { $0 ? "true" : "false" })
        add("enum", schema.enumValues.map { SwiftSyntax.arrayLiteral($0.map(SwiftSyntax.jsonLiteral), indent: inner, used: inner.count + 6) })
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
        add("items", schema.items.map { expression($0, indent: inner) })
        add("minItems", schema.minItems.map(String.init))
        add("maxItems", schema.maxItems.map(String.init))
        add("uniqueItems", schema.uniqueItems.map { $0 ? "true" : "false" })
        add("default", schema.defaultValue.map(SwiftSyntax.jsonLiteral))
        add("title", schema.title.map { SwiftSyntax.stringLiteral($0, indent: inner, used: inner.count + 7) })
        add("description", schema.description.map { SwiftSyntax.stringLiteral($0, indent: inner, used: inner.count + 13) })
        let oneLine = "Schema(" + arguments.joined(separator: ", ") + ")"
        if schema.properties.isEmpty && schema.items == nil && !oneLine.contains("\n")
            && (used ?? indent.count) + oneLine.count + 3 <= CodeWriter.maximumWidth
        {
            return oneLine
        }
        return "Schema(\n" + arguments.map { inner + $0 }.joined(separator: ",\n") + "\n\(indent))"
    }
}
