/// The violation of each keyword, worded once: the interpreter (``Schema/validate(_:)``) and the
/// validators taskgen generates both build their violations here, so their messages agree.
///
/// The values are described only here, when a check has already failed: a valid input never pays
/// for the text.
extension Violation {
    /// `type`: `value` is none of `expected`.
    public static func type(at pointer: String, expected: [JSONType], found value: JSONValue) -> Violation {
        Violation(
            pointer: pointer, code: "type",
            message: "expected \(expected.map(\.rawValue).joined(separator: " or ")), found \(value.typeName)")
    }

    /// `enum`: `value` is not among `allowed` (the first ten are named).
    public static func enumeration(at pointer: String, allowed: [JSONValue], found value: JSONValue) -> Violation {
        let list = allowed.prefix(10).map(describe).joined(separator: ", ") + (allowed.count > 10 ? ", ..." : "")
        return Violation(pointer: pointer, code: "enum", message: "must be one of \(list), found \(describe(value))")
    }

    /// `const`: `value` is not `constant`.
    public static func constant(at pointer: String, _ constant: JSONValue, found value: JSONValue) -> Violation {
        Violation(pointer: pointer, code: "const", message: "must be \(describe(constant)), found \(describe(value))")
    }

    public static func minimum(at pointer: String, _ limit: Double, found value: JSONValue) -> Violation {
        number(pointer, "minimum", "at least", limit, value)
    }

    public static func maximum(at pointer: String, _ limit: Double, found value: JSONValue) -> Violation {
        number(pointer, "maximum", "at most", limit, value)
    }

    public static func exclusiveMinimum(at pointer: String, _ limit: Double, found value: JSONValue) -> Violation {
        number(pointer, "exclusive_minimum", "greater than", limit, value)
    }

    public static func exclusiveMaximum(at pointer: String, _ limit: Double, found value: JSONValue) -> Violation {
        number(pointer, "exclusive_maximum", "less than", limit, value)
    }

    public static func multipleOf(at pointer: String, _ divisor: Double, found value: JSONValue) -> Violation {
        number(pointer, "multiple_of", "a multiple of", divisor, value)
    }

    /// `minLength`; `length` counts Unicode scalars.
    public static func minLength(at pointer: String, _ limit: Int, found length: Int) -> Violation {
        size(pointer, "min_length", "be at least", count(limit, "character") + " long", length)
    }

    /// `maxLength`; `length` counts Unicode scalars.
    public static func maxLength(at pointer: String, _ limit: Int, found length: Int) -> Violation {
        size(pointer, "max_length", "be at most", count(limit, "character") + " long", length)
    }

    public static func pattern(at pointer: String, _ pattern: String, found string: String) -> Violation {
        Violation(
            pointer: pointer, code: "pattern",
            message: "must match the pattern '\(pattern)', found \(describe(.string(string)))")
    }

    public static func format(at pointer: String, _ format: StringFormat, found string: String) -> Violation {
        Violation(
            pointer: pointer, code: "format",
            message: "must be \(format.expectation), found \(describe(.string(string)))")
    }

    public static func minItems(at pointer: String, _ limit: Int, found count: Int) -> Violation {
        size(pointer, "min_items", "have at least", Self.count(limit, "item"), count)
    }

    public static func maxItems(at pointer: String, _ limit: Int, found count: Int) -> Violation {
        size(pointer, "max_items", "have at most", Self.count(limit, "item"), count)
    }

    /// `uniqueItems`: one violation for each item equal to an earlier one, naming the first of them.
    /// `pointer` is called only when there is one.
    public static func uniqueItems(_ items: [JSONValue], at pointer: () -> String) -> [Violation] {
        guard items.count > 1 else { return [] }
        var violations: [Violation] = []
        var firstIndex: [JSONValue: Int] = [:]
        for (index, item) in items.enumerated() {
            if let first = firstIndex[item] {
                violations.append(
                    Violation(
                        pointer: pointer(), code: "unique_items",
                        message: "must have unique items, but items \(first) and \(index) are equal"))
            } else {
                firstIndex[item] = index
            }
        }
        return violations
    }

    /// `required`: the property `name` is missing; `pointer` is the property's own.
    public static func required(at pointer: String, name: String) -> Violation {
        Violation(pointer: pointer, code: "required", message: "missing required property '\(name)'")
    }

    /// The pointer of the member `name` of the object at `parent`.
    public static func memberPointer(_ parent: String, _ name: String) -> String {
        parent + "/" + JSONPointer.escape(name)
    }

    /// A closed object's members that are not `declared`, in name order, each with a "did you mean".
    /// `parent` is called only when there is one.
    public static func additionalProperties(
        of object: [String: JSONValue], declared: [String], at parent: () -> String
    ) -> [Violation] {
        var violations: [Violation] = []
        for name in object.keys.sorted() where !declared.contains(name) {
            let suggestion = NameSuggestions.didYouMean(name, in: declared)
            violations.append(
                Violation(
                    pointer: memberPointer(parent(), name), code: "additional_property",
                    message: "unknown property '\(name)'\(suggestion)"))
        }
        return violations
    }

    /// A bound on a number: "must be <relation> <limit>, found <value>".
    private static func number(
        _ pointer: String, _ code: String, _ relation: String, _ limit: Double, _ value: JSONValue
    ) -> Violation {
        Violation(
            pointer: pointer, code: code, message: "must be \(relation) \(format(limit)), found \(describe(value))")
    }

    /// A bound on a length or a count: "must <requirement> <limit>, found <size>".
    private static func size(
        _ pointer: String, _ code: String, _ requirement: String, _ limit: String, _ size: Int
    )
        -> Violation
    {
        Violation(pointer: pointer, code: code, message: "must \(requirement) \(limit), found \(size)")
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
