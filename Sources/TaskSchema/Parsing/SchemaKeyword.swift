/// The JSON Schema keywords Taskforge supports, in the order diagnostics list them.
enum SchemaKeyword: String, CaseIterable {
    case type, properties, required, additionalProperties
    case `enum`, const
    case minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf
    case minLength, maxLength, pattern, format
    case items, minItems, maxItems, uniqueItems
    case `default`, title, description
    case ref = "$ref"

    /// The kinds of schema a type-specific keyword applies to.
    enum Domain: String {
        case objects, arrays, strings, numbers

        func contains(_ type: JSONType) -> Bool {
            switch self {
            case .objects: type == .object
            case .arrays: type == .array
            case .strings: type == .string
            case .numbers: type == .integer || type == .number
            }
        }
    }

    /// `nil` for keywords that apply to every schema.
    var domain: Domain? {
        switch self {
        case .properties, .required, .additionalProperties: .objects
        case .items, .minItems, .maxItems, .uniqueItems: .arrays
        case .minLength, .maxLength, .pattern, .format: .strings
        case .minimum, .maximum, .exclusiveMinimum, .exclusiveMaximum, .multipleOf: .numbers
        case .type, .enum, .const, .default, .title, .description, .ref: nil
        }
    }

    /// The keywords allowed beside `$ref`.
    static let allowedBesideRef: Set<SchemaKeyword> = [.ref, .description, .title, .default]

    /// Every supported keyword, comma-separated.
    static let supportedList = allCases.map(\.rawValue).joined(separator: ", ")

    /// Real JSON Schema keywords that Taskforge deliberately does not support.
    static let unsupported: Set<String> = [
        "oneOf", "anyOf", "allOf", "not", "if", "then", "else",
        "patternProperties", "propertyNames", "unevaluatedProperties", "minProperties", "maxProperties",
        "dependentRequired", "dependentSchemas", "dependencies",
        "prefixItems", "additionalItems", "unevaluatedItems", "contains", "minContains", "maxContains",
        "$defs", "definitions", "$id", "$schema", "$anchor", "$dynamicRef", "$dynamicAnchor",
        "$recursiveRef", "$recursiveAnchor", "$vocabulary", "$comment",
        "examples", "readOnly", "writeOnly", "deprecated",
        "contentMediaType", "contentEncoding", "contentSchema",
    ]
}
