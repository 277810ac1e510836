import TaskSchema
import Testing

@Suite struct CompatibilityClassifierTests {
    @Test(arguments: ruleFixtures)
    func classifiesTheRule(_ fixture: RuleFixture) throws {
        let changes = try classify(fixture.direction, old: fixture.old, new: fixture.new)
        let expected = fixture.expected.map {
            ExpectedChange(fixture.rule.rawValue, fixture.rule.isBreaking, $0.message, $0.pointer, line: $0.line)
        }
        #expect(changes.map(ExpectedChange.init) == expected)
        #expect(changes.allSatisfy { $0.direction == fixture.direction })
    }

    @Test func everyRuleHasAFixtureInEachOfItsDirections() {
        for rule in CompatibilityRule.allCases {
            let directions = Set(ruleFixtures.filter { $0.rule == rule }.map(\.direction))
            let expected = rule.direction.map { [$0] } ?? SchemaDirection.allCases
            #expect(directions == Set(expected), "\(rule.rawValue)")
        }
    }

    @Test func ruleNamesAreSnakeCaseAndPrefixedByTheirDirection() {
        for rule in CompatibilityRule.allCases {
            #expect(Naming.isLowerSnakeCase(rule.rawValue))
            #expect(rule.direction.map { rule.rawValue.hasPrefix($0.rawValue + "_") } ?? true)
        }
        #expect(CompatibilityRule.inputPropertyRemoved.isBreaking)
        #expect(!CompatibilityRule.inputPropertyAddedOptional.isBreaking)
        #expect(CompatibilityRule.annotationChanged.direction == nil)
    }

    @Test(arguments: SchemaDirection.allCases)
    func identicalSchemasHaveNoChanges(_ direction: SchemaDirection) throws {
        let body = object(
            header: ["required: [b, a]"], "a: {type: string, enum: [x, y], description: A.}",
            "b: {type: integer, default: 1}")
        let reordered = object(
            header: ["required: [a, b]"], "b: {type: integer, default: 1}",
            "a: {type: string, enum: [y, x], description: A.}")
        #expect(try classify(direction, old: body, new: body).isEmpty)
        #expect(try classify(direction, old: body, new: reordered).isEmpty)
    }

    @Test func explicitlyClosedObjectsEqualDefaultClosedOnes() throws {
        let closed = object(header: ["additionalProperties: false"], "a: {type: string}")
        #expect(try classify(.input, old: object("a: {type: string}"), new: closed).isEmpty)
    }

    @Test func aRenamedPropertyIsRemovedAndAdded() throws {
        let changes = try classify(.input, old: object("query: {type: string}"), new: object("text: {type: string}"))
        #expect(
            changes.map(ExpectedChange.init) == [
                ExpectedChange(
                    "input_property_removed", true, "property 'query' removed", "/properties/query", line: 6),
                ExpectedChange(
                    "input_property_added_optional", false, "optional property 'text' added", "/properties/text",
                    line: 9),
            ])
    }

    @Test func nestedPropertiesAndItemsAreCompared() throws {
        let old = object(
            "options:",
            "  type: object",
            "  properties:",
            "    threshold: {type: number, maximum: 1}",
            "    tags: {type: array, items: {type: string, maxLength: 20}}")
        let new = object(
            "options:",
            "  type: object",
            "  properties:",
            "    tags: {type: array, items: {type: string, maxLength: 10}}")
        let changes = try classify(.input, old: old, new: new)
        #expect(
            changes.map(ExpectedChange.init) == [
                ExpectedChange(
                    "input_property_removed", true, "property 'options.threshold' removed",
                    "/properties/options/properties/threshold", line: 9),
                ExpectedChange(
                    "input_max_length_lowered", true, "maxLength of 'options.tags[]' lowered from 20 to 10",
                    "/properties/options/properties/tags/items", line: 12),
            ])
    }

    @Test func addedItemsNarrowInputsAtTheArray() throws {
        let changes = try classify(
            .input, old: object("tags: {type: array}"), new: object("tags: {type: array, items: {type: string}}"))
        #expect(
            changes.map(ExpectedChange.init) == [
                ExpectedChange(
                    "input_type_changed", true, "type of 'tags[]' changed from any type to string",
                    "/properties/tags/items", line: 9)
            ])
    }

    @Test func aChangedTypeHidesTheKeywordsOfTheOldType() throws {
        let changes = try classify(
            .input, old: object("limit: {type: string, maxLength: 5}"),
            new: object("limit: {type: integer, maximum: 5}"))
        #expect(changes.map(\.rule) == ["input_type_changed"])
    }

    @Test func multipleOfRelaxesWhenTheOldDivisorIsAMultipleOfTheNewOne() throws {
        let coarse = object("step: {type: number, multipleOf: 0.5}")
        let fine = object("step: {type: number, multipleOf: 0.25}")
        #expect(try classify(.input, old: coarse, new: fine).map(\.rule) == ["input_constraint_relaxed"])
        #expect(try classify(.output, old: coarse, new: fine).map(\.rule) == ["output_constraint_relaxed"])
        #expect(try classify(.input, old: fine, new: coarse).map(\.rule) == ["input_multiple_of_changed"])
        #expect(try classify(.output, old: fine, new: coarse).map(\.rule) == ["output_constraint_tightened"])
        #expect(
            try classify(.input, old: object("step: {type: number}"), new: fine).map(\.rule) == [
                "input_multiple_of_changed"
            ])
    }

    @Test func removedConstraintsRelaxInputsAndBreakOutputs() throws {
        let constrained = object(
            "code: {type: string, pattern: '^a', format: uuid, enum: [a], const: a, minLength: 1}",
            "tags: {type: array, items: {type: string}, uniqueItems: true}")
        let free = object("code: {type: string}", "tags: {type: array, items: {type: string}}")
        let messages = [
            "enum [\"a\"] removed from 'code'", "const \"a\" removed from 'code'", "minLength 1 removed from 'code'",
            "pattern '^a' removed from 'code'", "format 'uuid' removed from 'code'",
            "uniqueItems of 'tags' changed from true to false",
        ]
        let input = try classify(.input, old: constrained, new: free)
        #expect(input.map(\.message) == messages)
        #expect(input.allSatisfy { $0.rule == "input_constraint_relaxed" && !$0.isBreaking })
        let output = try classify(.output, old: constrained, new: free)
        #expect(output.map(\.message) == messages)
        #expect(output.allSatisfy { $0.rule == "output_constraint_relaxed" && $0.isBreaking })
    }

    @Test func outputsMayDropNullAndInputsMayAddIt() throws {
        let nullable = object("label: {type: [string, \"null\"]}")
        let plain = object("label: {type: string}")
        #expect(
            try classify(.output, old: nullable, new: plain).map(ExpectedChange.init) == [
                ExpectedChange(
                    "output_type_narrowed", false, "type of 'label' narrowed from string or null to string",
                    "/properties/label", line: 9)
            ])
        #expect(try classify(.input, old: plain, new: nullable).map(\.rule) == ["input_type_widened"])
    }

    @Test func titlesAreAnnotationsToo() throws {
        let changes = try classify(
            .output, old: object(header: ["title: Result"], "a: {type: string}"),
            new: object(header: ["title: Echo result"], "a: {type: string}"))
        #expect(
            changes.map(ExpectedChange.init) == [
                ExpectedChange("annotation_changed", false, "title changed", "", line: 6)
            ])
    }

    @Test func aChangeInASharedTypeCountsWhereItIsUsed() throws {
        let yaml = { (maxItems: Int) in
            """
            types:
              BBox: {type: array, items: {type: number}, maxItems: \(maxItems)}
            tasks:
              echo:
                version: 1
                summary: Echo.
                timeout: 30s
                input:
                  type: object
                  properties:
                    region: {$ref: '#/types/BBox'}
                output: {type: object}
            """
        }
        let old = try parseRegistry(yaml(4))
        let new = try parseRegistry(yaml(2))
        let locked = try CanonicalSchema(try #require(old.task(named: "echo")).input, in: old).schema()
        let current = new.resolvingRefs(in: try #require(new.task(named: "echo")).input)
        let changes = CompatibilityClassifier.changes(from: locked, to: current, direction: .input)
        #expect(
            changes.map(ExpectedChange.init) == [
                ExpectedChange(
                    "input_max_items_lowered", true, "maxItems of 'region' lowered from 4 to 2", "/properties/region",
                    line: 11)
            ])
    }
}
