import Foundation
import TaskSchema
import Testing
import ValidatorSuite

@testable import TaskCodegen

/// The generated validators of the JSON-Schema-Test-Suite groups (`ValidatorSuite`) against the
/// interpreter, the reference: the same violations, in the same order, for every value of every
/// group; and both against the suite's own verdicts, the independent oracle. The generated file is committed; after a change to the renderer, regenerate it with
/// `TASKFORGE_UPDATE_GOLDENS=1 swift test --filter ValidatorTests` and review the diff.
@Suite("Generated validators")
struct SuiteValidatorTests {
    static let generatedFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/ValidatorSuite/Generated+SuiteValidators.swift")

    /// The file the renderer makes of the suite's groups today.
    static func render() throws -> String {
        let entries = try SchemaTestSuite.load().groups.map { group in
            ValidatorFileRenderer.Entry(
                name: SchemaTestSuite.validatorName(file: group.file, index: group.index), schema: group.schema,
                summary: "JSON-Schema-Test-Suite, \(group.file).json: \(group.description).",
                origin: DeclarationOrigin(
                    file: "JSON-Schema-Test-Suite/\(group.file).json", owner: "group \(group.index)", path: ""))
        }
        return ValidatorFileRenderer.render(
            entries, table: "SuiteValidators", source: "the vendored JSON-Schema-Test-Suite (SchemaTestSuite)")
    }

    @Test func theCommittedFileIsUpToDate() throws {
        let rendered = try Self.render()
        if ProcessInfo.processInfo.environment["TASKFORGE_UPDATE_GOLDENS"] == "1" {
            try rendered.write(to: Self.generatedFile, atomically: true, encoding: .utf8)
        }
        let committed = try String(contentsOf: Self.generatedFile, encoding: .utf8)
        #expect(rendered == committed, "regenerate with TASKFORGE_UPDATE_GOLDENS=1 and review the diff")
        #expect(try Self.render() == rendered, "rendering twice gives the same bytes")
        for (number, line) in rendered.split(separator: "\n").enumerated() where line.count > 120 {
            Issue.record("line \(number + 1) has \(line.count) columns: \(line)")
        }
    }

    /// One value of a group of the suite, with the group's generated checks.
    struct Case {
        let group: SchemaTestSuite.Group
        let value: JSONValue
        /// The suite's own verdict on the value.
        let verdict: Bool
        let validate: @Sendable (JSONValue) -> [Violation]
        let isValid: @Sendable (JSONValue) -> Bool
        var place: String { "\(group.file).json, '\(group.description)', \(value.canonicalString())" }
    }

    /// Every value of every group loaded, and how many values the skipped groups hold.
    static func cases() throws -> (cases: [Case], skippedValues: Int) {
        let (groups, skipped) = try SchemaTestSuite.load()
        let cases = try groups.flatMap { group in
            let name = SchemaTestSuite.validatorName(file: group.file, index: group.index)
            let validate = try #require(SuiteValidators.validators[name], "no generated validator \(name)")
            let isValid = try #require(SuiteValidators.validityChecks[name], "no generated validity check \(name)")
            return zip(group.values, group.verdicts).map { value, verdict in
                Case(group: group, value: value, verdict: verdict, validate: validate, isValid: isValid)
            }
        }
        return (cases, skipped.reduce(0) { $0 + $1.values })
    }

    @Test func everyGeneratedValidatorReportsWhatTheInterpreterReports() throws {
        let (cases, skippedValues) = try Self.cases()
        var invalid = 0
        for suiteCase in cases {
            let expected = suiteCase.group.schema.validate(suiteCase.value)
            #expect(suiteCase.validate(suiteCase.value) == expected, "\(suiteCase.place)")
            #expect(suiteCase.isValid(suiteCase.value) == expected.isEmpty, "\(suiteCase.place)")
            if !expected.isEmpty { invalid += 1 }
        }
        // The suite's files hold 720 values; only `$ref` groups and keywords Taskforge lacks are skipped.
        #expect(cases.count + skippedValues == 720)
        #expect(cases.count >= 550)
        #expect(invalid > 150 && invalid < cases.count - 150, "both valid and invalid values are compared")
    }

    /// The suite's `valid` flag is the oracle. Taskforge differs from JSON Schema in one declared
    /// way: an object schema without `additionalProperties` is closed (docs/schema-evolution.md),
    /// where JSON Schema leaves it open. So every value the suite calls valid and Taskforge refuses
    /// must be refused only for members the schema does not name (`additional_property`), and with
    /// the schemas opened (`additionalProperties` absent read as `true`) the verdicts are the suite's.
    @Test func theVerdictsAreTheSuitesWhereObjectsAreOpen() throws {
        var closedOnly = 0
        var agreed = 0
        for suiteCase in try Self.cases().cases {
            #expect(
                suiteCase.group.schema.opened.validate(suiteCase.value).isEmpty == suiteCase.verdict,
                "opened: \(suiteCase.place)")
            let ours = suiteCase.isValid(suiteCase.value)
            if ours == suiteCase.verdict {
                agreed += 1
                continue
            }
            closedOnly += 1
            let codes = Set(suiteCase.group.schema.validate(suiteCase.value).map(\.code))
            #expect(suiteCase.verdict && !ours && codes == ["additional_property"], "\(codes): \(suiteCase.place)")
        }
        #expect(agreed >= 540, "the verdicts are compared on most of the suite's values")
        #expect(closedOnly < 20, "only the open-object cases differ")
    }
}

extension Schema {
    /// This schema as JSON Schema reads it: an object schema without `additionalProperties` open.
    fileprivate var opened: Schema {
        var schema = self
        if schema.additionalProperties == nil { schema.additionalProperties = true }
        schema.properties = schema.properties.map { Schema.Property($0.name, $0.schema.opened) }
        schema.items = schema.items?.opened
        return schema
    }
}
