import TaskSchema
import Testing

/// One compatibility rule demonstrated: an old and a new schema body and the exact changes expected.
///
/// Bodies are placed by ``singleTaskRegistry(_:body:)``: the schema's key (`input:` or `output:`)
/// is on line 6, and ``object(header:_:)`` puts `type: object` on line 7, then the header lines,
/// then `properties:`, then one property per line.
struct RuleFixture: Sendable, CustomTestStringConvertible {
    var rule: CompatibilityRule
    var direction: SchemaDirection
    var old: String
    var new: String
    var expected: [ExpectedChangeValues]

    var testDescription: String { "\(rule.rawValue) (\(direction.rawValue))" }
}

/// ``ExpectedChange`` without the rule, which the fixture names.
struct ExpectedChangeValues: Sendable {
    var message: String
    var pointer: String
    var line: Int
}

/// An object schema body: `type: object`, then `header` lines, then the `properties`.
func object(header: [String] = [], _ properties: String...) -> String {
    (["type: object"] + header + ["properties:"] + properties.map { "  " + $0 }).joined(separator: "\n")
}

private func fixture(
    _ rule: CompatibilityRule, _ direction: SchemaDirection, old: String, new: String,
    _ message: String, at pointer: String, line: Int
) -> RuleFixture {
    RuleFixture(
        rule: rule, direction: direction, old: old, new: new,
        expected: [ExpectedChangeValues(message: message, pointer: pointer, line: line)])
}

/// Both directions: the same edit, classified as an input and as an output change.
private func fixtures(
    input: CompatibilityRule, output: CompatibilityRule, old: String, new: String,
    _ message: String, at pointer: String, line: Int
) -> [RuleFixture] {
    [
        fixture(input, .input, old: old, new: new, message, at: pointer, line: line),
        fixture(output, .output, old: old, new: new, message, at: pointer, line: line),
    ]
}

/// One fixture per rule; a rule that exists in both directions has one per direction.
let ruleFixtures: [RuleFixture] =
    // Properties.
    fixtures(
        input: .inputPropertyRemoved, output: .outputPropertyRemoved,
        old: object("message: {type: string}", "sources: {type: array, items: {type: string}}"),
        new: object("message: {type: string}"),
        "property 'sources' removed", at: "/properties/sources", line: 6)
    + fixtures(
        input: .inputPropertyAddedOptional, output: .outputPropertyAdded,
        old: object("message: {type: string}"),
        new: object("message: {type: string}", "times: {type: integer}"),
        "optional property 'times' added", at: "/properties/times", line: 10)
    + [
        fixture(
            .inputRequiredAdded, .input,
            old: object("message: {type: string}"),
            new: object(header: ["required: [query]"], "message: {type: string}", "query: {type: string}"),
            "required property 'query' added without a default", at: "/properties/query", line: 11),
        fixture(
            .inputPropertyAddedWithDefault, .input,
            old: object("message: {type: string}"),
            new: object(header: ["required: [times]"], "message: {type: string}", "times: {type: integer, default: 1}"),
            "required property 'times' added with default 1", at: "/properties/times", line: 11),
        fixture(
            .inputPropertyBecameRequiredWithDefault, .input,
            old: object("times: {type: integer, default: 1}"),
            new: object(header: ["required: [times]"], "times: {type: integer, default: 1}"),
            "property 'times' became required, with default 1", at: "/properties/times", line: 10),
    ]
    + fixtures(
        input: .inputPropertyBecameRequired, output: .outputPropertyBecameRequired,
        old: object("message: {type: string}"),
        new: object(header: ["required: [message]"], "message: {type: string}"),
        "property 'message' became required", at: "/properties/message", line: 10)
    + fixtures(
        input: .inputPropertyBecameOptional, output: .outputPropertyBecameOptional,
        old: object(header: ["required: [message]"], "message: {type: string}"),
        new: object("message: {type: string}"),
        "property 'message' became optional", at: "/properties/message", line: 9)
    + fixtures(
        input: .inputAdditionalPropertiesClosed, output: .outputConstraintTightened,
        old: object(header: ["additionalProperties: true"], "message: {type: string}"),
        new: object("message: {type: string}"),
        "additionalProperties changed from true to false", at: "", line: 6)
    // Types.
    + fixtures(
        input: .inputTypeChanged, output: .outputTypeChanged,
        old: object("message: {type: string}"), new: object("message: {type: integer}"),
        "type of 'message' changed from string to integer", at: "/properties/message", line: 9)
    + fixtures(
        input: .inputTypeWidened, output: .outputTypeWidened,
        old: object("count: {type: integer}"), new: object("count: {type: number}"),
        "type of 'count' widened from integer to number", at: "/properties/count", line: 9)
    + [
        fixture(
            .outputTypeNarrowed, .output,
            old: object("count: {type: number}"), new: object("count: {type: integer}"),
            "type of 'count' narrowed from number to integer", at: "/properties/count", line: 9),
        fixture(
            .inputNullRemoved, .input,
            old: object("label: {type: [string, \"null\"]}"), new: object("label: {type: string}"),
            "null removed from the type of 'label'", at: "/properties/label", line: 9),
        fixture(
            .outputNullAdded, .output,
            old: object("label: {type: string}"), new: object("label: {type: [string, \"null\"]}"),
            "null added to the type of 'label'", at: "/properties/label", line: 9),
    ]
    // Enumerations and constants.
    + fixtures(
        input: .inputEnumAdded, output: .outputConstraintTightened,
        old: object("level: {type: string}"), new: object("level: {type: string, enum: [low, high]}"),
        "enum [\"low\",\"high\"] added to 'level'", at: "/properties/level", line: 9)
    + fixtures(
        input: .inputEnumValueRemoved, output: .outputEnumValueRemoved,
        old: object("level: {type: string, enum: [low, high]}"), new: object("level: {type: string, enum: [low]}"),
        "enum value \"high\" removed from 'level'", at: "/properties/level", line: 9)
    + fixtures(
        input: .inputEnumValueAdded, output: .outputEnumValueAdded,
        old: object("level: {type: string, enum: [low]}"), new: object("level: {type: string, enum: [low, high]}"),
        "enum value \"high\" added to 'level'", at: "/properties/level", line: 9)
    + fixtures(
        input: .inputConstAdded, output: .outputConstraintTightened,
        old: object("mode: {type: string}"), new: object("mode: {type: string, const: fast}"),
        "const \"fast\" added to 'mode'", at: "/properties/mode", line: 9)
    + fixtures(
        input: .inputConstChanged, output: .outputConstChanged,
        old: object("mode: {type: string, const: fast}"), new: object("mode: {type: string, const: slow}"),
        "const of 'mode' changed from \"fast\" to \"slow\"", at: "/properties/mode", line: 9)
    // Numbers.
    + fixtures(
        input: .inputMaximumLowered, output: .outputConstraintTightened,
        old: object("seconds: {type: number, maximum: 3600}"), new: object("seconds: {type: number, maximum: 60}"),
        "maximum of 'seconds' lowered from 3600 to 60", at: "/properties/seconds", line: 9)
    + fixtures(
        input: .inputConstraintRelaxed, output: .outputConstraintRelaxed,
        old: object("seconds: {type: number, maximum: 60}"), new: object("seconds: {type: number, maximum: 3600}"),
        "maximum of 'seconds' raised from 60 to 3600", at: "/properties/seconds", line: 9)
    + [
        fixture(
            .inputExclusiveMaximumLowered, .input,
            old: object("ratio: {type: number, exclusiveMaximum: 1}"),
            new: object("ratio: {type: number, exclusiveMaximum: 0.5}"),
            "exclusiveMaximum of 'ratio' lowered from 1 to 0.5", at: "/properties/ratio", line: 9),
        fixture(
            .inputMinimumRaised, .input,
            old: object("seconds: {type: number, minimum: 0}"), new: object("seconds: {type: number, minimum: 1}"),
            "minimum of 'seconds' raised from 0 to 1", at: "/properties/seconds", line: 9),
        fixture(
            .inputExclusiveMinimumRaised, .input,
            old: object("ratio: {type: number}"), new: object("ratio: {type: number, exclusiveMinimum: 0}"),
            "exclusiveMinimum 0 added to 'ratio'", at: "/properties/ratio", line: 9),
    ]
    + fixtures(
        input: .inputMultipleOfChanged, output: .outputMultipleOfChanged,
        old: object("count: {type: integer, multipleOf: 2}"), new: object("count: {type: integer, multipleOf: 3}"),
        "multipleOf of 'count' changed from 2 to 3", at: "/properties/count", line: 9)
    // Strings.
    + [
        fixture(
            .inputMaxLengthLowered, .input,
            old: object("message: {type: string, maxLength: 10000}"),
            new: object("message: {type: string, maxLength: 100}"),
            "maxLength of 'message' lowered from 10000 to 100", at: "/properties/message", line: 9),
        fixture(
            .inputMinLengthRaised, .input,
            old: object("message: {type: string}"), new: object("message: {type: string, minLength: 1}"),
            "minLength 1 added to 'message'", at: "/properties/message", line: 9),
    ]
    + fixtures(
        input: .inputPatternChanged, output: .outputPatternChanged,
        old: object("code: {type: string, pattern: '^[a-z]+$'}"),
        new: object("code: {type: string, pattern: '^[a-z0-9]+$'}"),
        "pattern of 'code' changed from '^[a-z]+$' to '^[a-z0-9]+$'", at: "/properties/code", line: 9)
    + fixtures(
        input: .inputFormatChanged, output: .outputFormatChanged,
        old: object("link: {type: string, format: uri}"), new: object("link: {type: string, format: email}"),
        "format of 'link' changed from 'uri' to 'email'", at: "/properties/link", line: 9)
    // Arrays.
    + [
        fixture(
            .inputMaxItemsLowered, .input,
            old: object("tags: {type: array, items: {type: string}, maxItems: 10}"),
            new: object("tags: {type: array, items: {type: string}, maxItems: 5}"),
            "maxItems of 'tags' lowered from 10 to 5", at: "/properties/tags", line: 9),
        fixture(
            .inputMinItemsRaised, .input,
            old: object("tags: {type: array, items: {type: string}, minItems: 0}"),
            new: object("tags: {type: array, items: {type: string}, minItems: 1}"),
            "minItems of 'tags' raised from 0 to 1", at: "/properties/tags", line: 9),
        fixture(
            .inputUniqueItemsAdded, .input,
            old: object("tags: {type: array, items: {type: string}}"),
            new: object("tags: {type: array, items: {type: string}, uniqueItems: true}"),
            "uniqueItems of 'tags' changed from false to true", at: "/properties/tags", line: 9),
    ]
    // Defaults and annotations.
    + fixtures(
        input: .inputDefaultChanged, output: .outputDefaultChanged,
        old: object("times: {type: integer, default: 1}"), new: object("times: {type: integer, default: 2}"),
        "default of 'times' changed from 1 to 2", at: "/properties/times", line: 9)
    + fixtures(
        input: .annotationChanged, output: .annotationChanged,
        old: object("message: {type: string, description: The text.}"),
        new: object("message: {type: string, description: The text to send back.}"),
        "description of 'message' changed", at: "/properties/message", line: 9)
