/// The per-keyword comparisons of ``ClassificationWalk``: what each keyword's change means for
/// old clients (input) and old readers (output).
extension ClassificationWalk {
    mutating func compareEnums(_ old: [JSONValue]?, _ new: [JSONValue]?, _ node: Node) {
        let path = node.path
        switch (old, new) {
        case (nil, nil):
            return
        case (nil, let added?):
            let rule = rule(input: .inputEnumAdded, output: .outputConstraintTightened)
            add(rule, "enum \(JSONValue.array(added).canonicalString()) added\(path.to)", at: path, node.location)
        case (let removed?, nil):
            add(
                relaxedRule, "enum \(JSONValue.array(removed).canonicalString()) removed\(path.from)", at: path,
                node.location)
        case (let old?, let new?):
            for value in old where !new.contains(value) {
                let rule = rule(input: .inputEnumValueRemoved, output: .outputEnumValueRemoved)
                add(rule, "enum value \(value.canonicalString()) removed\(path.from)", at: path, node.location)
            }
            for value in new where !old.contains(value) {
                let rule = rule(input: .inputEnumValueAdded, output: .outputEnumValueAdded)
                add(rule, "enum value \(value.canonicalString()) added\(path.to)", at: path, node.location)
            }
        }
    }

    mutating func compareConsts(_ old: JSONValue?, _ new: JSONValue?, _ node: Node) {
        compareValue(
            "const", old, new, node, rendered: { $0.canonicalString() },
            inputAdded: .inputConstAdded, inputChanged: .inputConstChanged, outputChanged: .outputConstChanged)
    }

    mutating func compareNumberKeywords(_ old: Schema, _ new: Schema, _ node: Node) {
        compareBound("minimum", old.minimum, new.minimum, .lower, node, inputTightened: .inputMinimumRaised)
        compareBound("maximum", old.maximum, new.maximum, .upper, node, inputTightened: .inputMaximumLowered)
        compareBound(
            "exclusiveMinimum", old.exclusiveMinimum, new.exclusiveMinimum, .lower, node,
            inputTightened: .inputExclusiveMinimumRaised)
        compareBound(
            "exclusiveMaximum", old.exclusiveMaximum, new.exclusiveMaximum, .upper, node,
            inputTightened: .inputExclusiveMaximumLowered)
        compareMultipleOf(old.multipleOf, new.multipleOf, node)
    }

    mutating func compareStringKeywords(_ old: Schema, _ new: Schema, _ node: Node) {
        compareBound(
            "minLength", old.minLength.map(Double.init), new.minLength.map(Double.init), .lower, node,
            inputTightened: .inputMinLengthRaised)
        compareBound(
            "maxLength", old.maxLength.map(Double.init), new.maxLength.map(Double.init), .upper, node,
            inputTightened: .inputMaxLengthLowered)
        compareValue(
            "pattern", old.pattern, new.pattern, node, rendered: { "'\($0)'" },
            inputAdded: .inputPatternChanged, inputChanged: .inputPatternChanged, outputChanged: .outputPatternChanged)
        compareValue(
            "format", old.format, new.format, node, rendered: { "'\($0.rawValue)'" },
            inputAdded: .inputFormatChanged, inputChanged: .inputFormatChanged, outputChanged: .outputFormatChanged)
    }

    mutating func compareArrayKeywords(_ old: Schema, _ new: Schema, _ node: Node) {
        compareBound(
            "minItems", old.minItems.map(Double.init), new.minItems.map(Double.init), .lower, node,
            inputTightened: .inputMinItemsRaised)
        compareBound(
            "maxItems", old.maxItems.map(Double.init), new.maxItems.map(Double.init), .upper, node,
            inputTightened: .inputMaxItemsLowered)
        compareFlag(
            "uniqueItems", old.uniqueItems, new.uniqueItems, node,
            tightened: rule(input: .inputUniqueItemsAdded, output: .outputConstraintTightened), tightensWhen: true)
    }

    /// A boolean keyword whose absence means `false`; it tightens when it becomes `tightensWhen`.
    mutating func compareFlag(
        _ keyword: String, _ old: Bool?, _ new: Bool?, _ node: Node, tightened: CompatibilityRule, tightensWhen: Bool
    ) {
        let before = old ?? false
        let after = new ?? false
        guard before != after else { return }
        let rule = after == tightensWhen ? tightened : relaxedRule
        add(rule, "\(keyword)\(node.path.of) changed from \(before) to \(after)", at: node.path, node.location)
    }

    /// A changed input `default` changes what an old payload that omits the property means.
    mutating func compareDefaults(_ old: JSONValue?, _ new: JSONValue?, _ node: Node) {
        guard old != new else { return }
        let rule = rule(input: .inputDefaultChanged, output: .outputDefaultChanged)
        let message = Self.describeChange("default", old, new, node.path, rendered: { $0.canonicalString() })
        add(rule, message, at: node.path, node.location)
    }

    mutating func compareAnnotation(_ keyword: String, _ old: String?, _ new: String?, _ node: Node) {
        guard old != new else { return }
        add(.annotationChanged, "\(keyword)\(node.path.of) changed", at: node.path, node.location)
    }

    enum Bound {
        case lower, upper
    }

    /// A bound tightens when it appears, or moves in (an upper bound down, a lower bound up).
    private mutating func compareBound(
        _ keyword: String, _ old: Double?, _ new: Double?, _ bound: Bound, _ node: Node,
        inputTightened: CompatibilityRule
    ) {
        guard old != new else { return }
        let tightened =
            switch (old, new) {
            case (let old?, let new?): bound == .upper ? new < old : new > old
            case (_, let new): new != nil
            }
        let rule = tightened ? rule(input: inputTightened, output: .outputConstraintTightened) : relaxedRule
        let message = Self.describeChange(
            keyword, old, new, node.path, rendered: Self.number, verb: { $1 > $0 ? "raised" : "lowered" })
        add(rule, message, at: node.path, node.location)
    }

    /// `multipleOf` relaxes when the old divisor is a multiple of the new one (0.5 -> 0.25) and
    /// tightens when the new divisor is a multiple of the old one (2 -> 4).
    private mutating func compareMultipleOf(_ old: Double?, _ new: Double?, _ node: Node) {
        guard old != new else { return }
        let rule: CompatibilityRule =
            switch (old, new) {
            case (let old?, let new?) where Self.isMultiple(old, of: new): relaxedRule
            case (let old?, let new?) where Self.isMultiple(new, of: old):
                rule(input: .inputMultipleOfChanged, output: .outputConstraintTightened)
            case (_?, _?): rule(input: .inputMultipleOfChanged, output: .outputMultipleOfChanged)
            case (nil, _): rule(input: .inputMultipleOfChanged, output: .outputConstraintTightened)
            case (_, nil): relaxedRule
            }
        let message = Self.describeChange("multipleOf", old, new, node.path, rendered: Self.number)
        add(rule, message, at: node.path, node.location)
    }

    /// A keyword whose every change narrows inputs (`pattern`, `format`, `const`), except removal.
    private mutating func compareValue<Value: Equatable>(
        _ keyword: String, _ old: Value?, _ new: Value?, _ node: Node, rendered: (Value) -> String,
        inputAdded: CompatibilityRule, inputChanged: CompatibilityRule, outputChanged: CompatibilityRule
    ) {
        guard old != new else { return }
        let rule: CompatibilityRule =
            switch (old, new) {
            case (nil, _): rule(input: inputAdded, output: .outputConstraintTightened)
            case (_, nil): relaxedRule
            default: rule(input: inputChanged, output: outputChanged)
            }
        add(rule, Self.describeChange(keyword, old, new, node.path, rendered: rendered), at: node.path, node.location)
    }

    /// The rule for a constraint that now admits more values.
    private var relaxedRule: CompatibilityRule {
        rule(input: .inputConstraintRelaxed, output: .outputConstraintRelaxed)
    }

    /// "maximum 60 added to 'seconds'", "maximum of 'seconds' lowered from 3600 to 60",
    /// "pattern of 'name' changed from '^a' to '^b'", "default 1 removed from 'times'".
    private static func describeChange<Value>(
        _ keyword: String, _ old: Value?, _ new: Value?, _ path: SchemaNodePath, rendered: (Value) -> String,
        verb: (Value, Value) -> String = { _, _ in "changed" }
    ) -> String {
        switch (old, new) {
        case (let old?, let new?):
            "\(keyword)\(path.of) \(verb(old, new)) from \(rendered(old)) to \(rendered(new))"
        case (let old?, nil):
            "\(keyword) \(rendered(old)) removed\(path.from)"
        case (nil, let new):
            "\(keyword) \(new.map(rendered) ?? "null") added\(path.to)"
        }
    }

    private static func number(_ value: Double) -> String {
        JSONValue(number: value).canonicalString()
    }

    private static func isMultiple(_ value: Double, of divisor: Double) -> Bool {
        let ratio = value / divisor
        return abs(ratio - ratio.rounded()) <= 1e-9 * max(1, abs(ratio))
    }
}
