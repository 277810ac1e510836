import Foundation

extension Schema {
    /// Every violation of `value` against this schema, in document order; empty when `value` is valid.
    ///
    /// `$ref`s must already be resolved (``Registry/resolvingRefs(in:)``). When a value has the
    /// wrong type its other keywords are not checked. Object schemas are closed unless
    /// `additionalProperties` is `true`: `nil` counts as `false`.
    public func validate(_ value: JSONValue) -> [Violation] {
        var validator = SchemaValidator()
        validator.check(value, against: self, at: "")
        return validator.violations
    }
}

/// Walks a value and its schema together, collecting violations.
private struct SchemaValidator {
    var violations: [Violation] = []

    mutating func check(_ value: JSONValue, against schema: Schema, at pointer: String) {
        if let types = schema.types, !types.contains(where: { $0.accepts(value) }) {
            fail(
                pointer, "type", "expected \(types.map(\.rawValue).joined(separator: " or ")), found \(value.typeName)")
            return
        }
        if let allowed = schema.enumValues, !allowed.contains(value) {
            let list =
                allowed.prefix(10).map(Self.describe).joined(separator: ", ") + (allowed.count > 10 ? ", ..." : "")
            fail(pointer, "enum", "must be one of \(list), found \(Self.describe(value))")
        }
        if let constant = schema.constValue, constant != value {
            fail(pointer, "const", "must be \(Self.describe(constant)), found \(Self.describe(value))")
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
        let found = Self.describe(value)
        if let minimum = schema.minimum, number < minimum {
            fail(pointer, "minimum", "must be at least \(Self.format(minimum)), found \(found)")
        }
        if let maximum = schema.maximum, number > maximum {
            fail(pointer, "maximum", "must be at most \(Self.format(maximum)), found \(found)")
        }
        if let minimum = schema.exclusiveMinimum, number <= minimum {
            fail(pointer, "exclusive_minimum", "must be greater than \(Self.format(minimum)), found \(found)")
        }
        if let maximum = schema.exclusiveMaximum, number >= maximum {
            fail(pointer, "exclusive_maximum", "must be less than \(Self.format(maximum)), found \(found)")
        }
        if let divisor = schema.multipleOf, divisor > 0, !Self.isMultiple(value, of: divisor) {
            fail(pointer, "multiple_of", "must be a multiple of \(Self.format(divisor)), found \(found)")
        }
    }

    private mutating func checkString(_ string: String, _ schema: Schema, at pointer: String) {
        let length = string.unicodeScalars.count
        if let minimum = schema.minLength, length < minimum {
            fail(pointer, "min_length", "must be at least \(Self.count(minimum, "character")) long, found \(length)")
        }
        if let maximum = schema.maxLength, length > maximum {
            fail(pointer, "max_length", "must be at most \(Self.count(maximum, "character")) long, found \(length)")
        }
        if let pattern = schema.pattern, RegexCache.shared.pattern(pattern, matches: string) == false {
            fail(pointer, "pattern", "must match the pattern '\(pattern)', found \(Self.describe(.string(string)))")
        }
        if let format = schema.format, !format.accepts(string) {
            fail(pointer, "format", "must be \(format.expectation), found \(Self.describe(.string(string)))")
        }
    }

    private mutating func checkArray(_ items: [JSONValue], _ schema: Schema, at pointer: String) {
        if let minimum = schema.minItems, items.count < minimum {
            fail(pointer, "min_items", "must have at least \(Self.count(minimum, "item")), found \(items.count)")
        }
        if let maximum = schema.maxItems, items.count > maximum {
            fail(pointer, "max_items", "must have at most \(Self.count(maximum, "item")), found \(items.count)")
        }
        if schema.uniqueItems == true {
            var firstIndex: [JSONValue: Int] = [:]
            for (index, item) in items.enumerated() {
                if let first = firstIndex[item] {
                    fail(pointer, "unique_items", "must have unique items, but items \(first) and \(index) are equal")
                } else {
                    firstIndex[item] = index
                }
            }
        }
        if let itemSchema = schema.items {
            for (index, item) in items.enumerated() {
                check(item, against: itemSchema, at: pointer + "/\(index)")
            }
        }
    }

    private mutating func checkObject(_ object: [String: JSONValue], _ schema: Schema, at pointer: String) {
        let declared = Set(schema.properties.map(\.name))
        for property in schema.properties {
            let path = pointer + "/" + JSONPointer.escape(property.name)
            if let value = object[property.name] {
                check(value, against: property.schema, at: path)
            } else if schema.required.contains(property.name) {
                fail(path, "required", "missing required property '\(property.name)'")
            }
        }
        for name in schema.required where !declared.contains(name) && object[name] == nil {
            fail(pointer + "/" + JSONPointer.escape(name), "required", "missing required property '\(name)'")
        }
        // Object schemas are closed unless opened; a schema without a type accepts any object.
        let open = schema.additionalProperties ?? (schema.types?.contains(.object) != true)
        guard !open else { return }
        for name in object.keys.sorted() where !declared.contains(name) {
            let suggestion = NameSuggestions.didYouMean(name, in: schema.properties.map(\.name))
            fail(
                pointer + "/" + JSONPointer.escape(name), "additional_property",
                "unknown property '\(name)'\(suggestion)")
        }
    }

    private mutating func fail(_ pointer: String, _ code: String, _ message: String) {
        violations.append(Violation(pointer: pointer, code: code, message: message))
    }

    /// Whether `value` is an integral multiple of `divisor`, allowing for binary floating point
    /// (0.1 is a multiple of 0.01).
    private static func isMultiple(_ value: JSONValue, of divisor: Double) -> Bool {
        if case .integer(let integer) = value, let integralDivisor = Int(exactly: divisor) {
            return integer % integralDivisor == 0
        }
        guard let number = value.doubleValue else { return false }
        let quotient = number / divisor
        guard quotient.isFinite else { return false }
        return abs(quotient - quotient.rounded()) <= 1e-9 * max(1, abs(quotient))
    }

    /// A value as JSON, shortened when long.
    private static func describe(_ value: JSONValue) -> String {
        let json = value.canonicalString()
        return json.count > 80 ? String(json.prefix(77)) + "..." : json
    }

    private static func format(_ number: Double) -> String {
        JSONValue(number: number).canonicalString()
    }

    private static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }
}
