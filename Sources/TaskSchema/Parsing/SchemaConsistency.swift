/// Reports bounds in a schema that contradict each other and so leave no valid value.
struct SchemaConsistency {
    let context: ParseContext
    /// The keywords as written, to point diagnostics at the lower bound's value.
    let keywords: [SchemaKeyword: YAMLNode.Entry]

    func check(_ schema: Schema) {
        if let minimum = schema.minimum, let maximum = schema.maximum, minimum > maximum {
            report(.minimum, minimum, "is greater than", .maximum, maximum)
        }
        if let minimum = schema.exclusiveMinimum, let maximum = schema.exclusiveMaximum, minimum >= maximum {
            report(.exclusiveMinimum, minimum, "is not less than", .exclusiveMaximum, maximum)
        }
        if let minimum = schema.minimum, let maximum = schema.exclusiveMaximum, minimum >= maximum {
            report(.minimum, minimum, "is not less than", .exclusiveMaximum, maximum)
        }
        if let minimum = schema.exclusiveMinimum, let maximum = schema.maximum, minimum >= maximum {
            report(.exclusiveMinimum, minimum, "is not less than", .maximum, maximum)
        }
        if let minimum = schema.minLength, let maximum = schema.maxLength, minimum > maximum {
            report(.minLength, Double(minimum), "is greater than", .maxLength, Double(maximum))
        }
        if let minimum = schema.minItems, let maximum = schema.maxItems, minimum > maximum {
            report(.minItems, Double(minimum), "is greater than", .maxItems, Double(maximum))
        }
    }

    private func report(
        _ lower: SchemaKeyword, _ lowerValue: Double, _ relation: String, _ upper: SchemaKeyword, _ upperValue: Double
    ) {
        guard let entry = keywords[lower] else { return }
        context.error(
            "'\(lower.rawValue)' (\(format(lowerValue))) \(relation) '\(upper.rawValue)' (\(format(upperValue)))",
            at: entry.valueLocation)
    }

    private func format(_ number: Double) -> String {
        JSONValue(number: number).canonicalString()
    }
}
