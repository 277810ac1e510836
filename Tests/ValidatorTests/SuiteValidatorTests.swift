import Foundation
import TaskSchema
import Testing
import ValidatorSuite

@testable import TaskCodegen

/// The generated validators of the JSON-Schema-Test-Suite groups (`ValidatorSuite`) against the
/// interpreter, the reference: the same violations, in the same order, for every value of every
/// group. The generated file is committed; after a change to the renderer, regenerate it with
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

    @Test func everyGeneratedValidatorReportsWhatTheInterpreterReports() throws {
        let (groups, skipped) = try SchemaTestSuite.load()
        var cases = 0
        var invalid = 0
        for group in groups {
            let name = SchemaTestSuite.validatorName(file: group.file, index: group.index)
            let validate = try #require(SuiteValidators.validators[name], "no generated validator \(name)")
            let isValid = try #require(SuiteValidators.validityChecks[name], "no generated validity check \(name)")
            for value in group.values {
                let expected = group.schema.validate(value)
                let place = "\(group.file).json, '\(group.description)', \(value.canonicalString())"
                #expect(validate(value) == expected, "\(place)")
                #expect(isValid(value) == expected.isEmpty, "\(place)")
                cases += 1
                if !expected.isEmpty { invalid += 1 }
            }
        }
        // The suite's files hold 720 values; only `$ref` groups and keywords Taskforge lacks are skipped.
        #expect(cases + skipped.reduce(0) { $0 + $1.values } == 720)
        #expect(cases >= 550)
        #expect(invalid > 150 && invalid < cases - 150, "both valid and invalid values are compared")
    }
}
