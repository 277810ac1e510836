import TaskSchema

/// Describes a property's schema in a few words, for `--help`: `required; integer, 1...3650; default: 10`.
/// Enum values are left out: ArgumentParser lists them.
enum ConstraintSummary {
    static func describe(_ schema: Schema, required: Bool) -> String {
        var parts: [String] = []
        if required { parts.append("required") }
        switch schema.nonNullTypes.first {
        case .array?:
            parts.append((["repeatable"] + bounds(schema)).joined(separator: ", "))
        case let type? where schema.enumValues == nil:
            parts.append(([type.rawValue] + bounds(schema)).joined(separator: ", "))
        default:
            break  // enums: the parser lists the values itself
        }
        if let format = schema.format { parts.append("format: \(format.rawValue)") }
        if let pattern = schema.pattern { parts.append("matching /\(pattern)/") }
        if schema.isNullable { parts.append("may be null") }
        if let value = schema.defaultValue { parts.append("default: \(plain(value))") }
        return parts.joined(separator: "; ")
    }

    /// The constraints of a property's schema beyond its Swift type, for its doc comment:
    /// `Constraints: 64...1024; default: 256.`; `nil` when there are none.
    static func documenting(_ schema: Schema) -> String? {
        var parts = bounds(schema)
        if let format = schema.format { parts.append("format: \(format.rawValue)") }
        if let pattern = schema.pattern { parts.append("matching /\(pattern)/") }
        if let value = schema.defaultValue { parts.append("default: \(plain(value))") }
        return parts.isEmpty ? nil : "Constraints: " + parts.joined(separator: "; ") + "."
    }

    private static func bounds(_ schema: Schema) -> [String] {
        var bounds: [String] = []
        switch (schema.minimum, schema.maximum) {
        case let (min?, max?): bounds.append("\(SwiftSyntax.number(min))...\(SwiftSyntax.number(max))")
        case let (min?, nil): bounds.append("at least \(SwiftSyntax.number(min))")
        case let (nil, max?): bounds.append("at most \(SwiftSyntax.number(max))")
        case (nil, nil): break
        }
        if let value = schema.exclusiveMinimum { bounds.append("greater than \(SwiftSyntax.number(value))") }
        if let value = schema.exclusiveMaximum { bounds.append("less than \(SwiftSyntax.number(value))") }
        if let value = schema.multipleOf { bounds.append("a multiple of \(SwiftSyntax.number(value))") }
        switch (schema.minLength, schema.maxLength) {
        case let (min?, max?): bounds.append("\(min)...\(max) characters")
        case let (min?, nil): bounds.append("at least \(min) characters")
        case let (nil, max?): bounds.append("at most \(max) characters")
        case (nil, nil): break
        }
        switch (schema.minItems, schema.maxItems) {
        case let (min?, max?): bounds.append("\(min)...\(max) items")
        case let (min?, nil): bounds.append("at least \(min) items")
        case let (nil, max?): bounds.append("at most \(max) items")
        case (nil, nil): break
        }
        if schema.uniqueItems == true { bounds.append("unique items") }
        return bounds
    }

    private static func plain(_ value: JSONValue) -> String {
        value.stringValue ?? value.canonicalString()
    }
}
