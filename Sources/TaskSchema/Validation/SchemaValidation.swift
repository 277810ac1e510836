import Foundation

extension Schema {
    /// Every violation of `value` against this schema, in document order; empty when `value` is valid.
    ///
    /// `$ref`s must already be resolved (``Registry/resolvingRefs(in:)``). When a value has the
    /// wrong type its other keywords are not checked. Object schemas are closed unless
    /// `additionalProperties` is `true`: `nil` counts as `false`.
    ///
    /// This interpreter is the reference: taskgen generates a validator per task input that reports
    /// exactly these violations faster, and the tests hold the two to each other case by case. It
    /// checks older accepted versions and any schema without a generated validator.
    public func validate(_ value: JSONValue) -> [Violation] {
        var validator = SchemaValidator()
        validator.check(value, against: self, at: "")
        return validator.violations
    }
}

/// Walks a value and its schema together, collecting violations (worded in `Violation+Keywords`).
private struct SchemaValidator {
    var violations: [Violation] = []

    mutating func check(_ value: JSONValue, against schema: Schema, at pointer: String) {
        if let types = schema.types, !types.contains(where: { $0.accepts(value) }) {
            violations.append(.type(at: pointer, expected: types, found: value))
            return
        }
        if let allowed = schema.enumValues, !allowed.contains(value) {
            violations.append(.enumeration(at: pointer, allowed: allowed, found: value))
        }
        if let constant = schema.constValue, constant != value {
            violations.append(.constant(at: pointer, constant, found: value))
        }
        switch value {
        case .integer, .number: checkNumber(value, schema, at: pointer)
        case .string(let string): checkString(string, schema, at: pointer)
        case .array(let items): checkArray(items, schema, at: pointer)
        case .object(let object): checkObject(object, schema, at: pointer)
        case .null, .bool: break
        }
    }

    private mutating func checkNumber(_ value: JSONValue, _ schema: Schema, at pointer: String) {
        guard let number = value.doubleValue else { return }
        if let minimum = schema.minimum, number < minimum {
            violations.append(.minimum(at: pointer, minimum, found: value))
        }
        if let maximum = schema.maximum, number > maximum {
            violations.append(.maximum(at: pointer, maximum, found: value))
        }
        if let minimum = schema.exclusiveMinimum, number <= minimum {
            violations.append(.exclusiveMinimum(at: pointer, minimum, found: value))
        }
        if let maximum = schema.exclusiveMaximum, number >= maximum {
            violations.append(.exclusiveMaximum(at: pointer, maximum, found: value))
        }
        if let divisor = schema.multipleOf, divisor > 0, !value.isMultiple(of: divisor) {
            violations.append(.multipleOf(at: pointer, divisor, found: value))
        }
    }

    private mutating func checkString(_ string: String, _ schema: Schema, at pointer: String) {
        let length = string.unicodeScalars.count
        if let minimum = schema.minLength, length < minimum {
            violations.append(.minLength(at: pointer, minimum, found: length))
        }
        if let maximum = schema.maxLength, length > maximum {
            violations.append(.maxLength(at: pointer, maximum, found: length))
        }
        if let pattern = schema.pattern, RegexCache.shared.pattern(pattern, matches: string) == false {
            violations.append(.pattern(at: pointer, pattern, found: string))
        }
        if let format = schema.format, !format.accepts(string) {
            violations.append(.format(at: pointer, format, found: string))
        }
    }

    private mutating func checkArray(_ items: [JSONValue], _ schema: Schema, at pointer: String) {
        if let minimum = schema.minItems, items.count < minimum {
            violations.append(.minItems(at: pointer, minimum, found: items.count))
        }
        if let maximum = schema.maxItems, items.count > maximum {
            violations.append(.maxItems(at: pointer, maximum, found: items.count))
        }
        if schema.uniqueItems == true {
            violations += Violation.uniqueItems(items, at: { pointer })
        }
        if let itemSchema = schema.items {
            for (index, item) in items.enumerated() {
                check(item, against: itemSchema, at: pointer + "/\(index)")
            }
        }
    }

    private mutating func checkObject(_ object: [String: JSONValue], _ schema: Schema, at pointer: String) {
        let declared = schema.properties.map(\.name)
        for property in schema.properties {
            let path = Violation.memberPointer(pointer, property.name)
            if let value = object[property.name] {
                check(value, against: property.schema, at: path)
            } else if schema.required.contains(property.name) {
                violations.append(.required(at: path, name: property.name))
            }
        }
        for name in schema.required where !declared.contains(name) && object[name] == nil {
            violations.append(.required(at: Violation.memberPointer(pointer, name), name: name))
        }
        // Object schemas are closed unless opened; a schema without a type accepts any object.
        if schema.additionalProperties ?? (schema.types?.contains(.object) != true) { return }
        violations += Violation.additionalProperties(of: object, declared: declared, at: { pointer })
    }
}
