import TaskRuntime
import Testing

/// The validators the build plugin generated for the golden registry against the interpreter on
/// the definitions' schemas: the same violations, in the same order (shared types, nullable types,
/// nested arrays, open and closed objects).
@Suite("Generated validators of the golden registry")
struct GeneratedValidatorTests {
    static let aodInputs: [JSONValue] = [
        GeneratedCodeTests.input,
        ["bboxes": [[1, 2, 3]], "date": "2026-02-30", "chip_size": 2048, "sources": ["gopher"], "bogus": 1],
        [
            "bboxes": [], "date": 20260101, "cloud_coverage": 0.25, "note": nil, "strict": "yes",
            "options": ["default": 1.5, "tags": ["a", "a", "b", "a"], "more": true], "extra": ["any": [1]],
        ],
        ["bboxes": [[1, 2, 3, 4], [5, "6", 7, 8], 9], "date": "2026-01-01", "cloud_coverage": 0, "note": "ABC"],
        [
            "bbox": [[1, 2, 3, 4]], "dates": "2026-01-01", "chip_size": 63, "data_source": "L8",
            "cloud_coverage": 100.5,
        ],
        [:], nil, "text", [1, 2],
    ]

    @Test(arguments: aodInputs)
    func aodEstimationAgreesWithTheInterpreter(_ input: JSONValue) {
        #expect(AodEstimation.validateInput(input) == AodEstimation.definition.input.validate(input))
    }

    @Test func everyTaskAgreesWithTheInterpreter() {
        let inputs: [JSONValue] = [
            ["message": "hi"], ["message": 1], [:], ["region": [1, 2, 3, 4]], ["region": [1, 2]],
            ["region": "x", "extra": 1], ["pre": "a"],
        ]
        for entry in GeneratedTasks.catalog.entries {
            for input in inputs {
                #expect(
                    entry.validateCurrentInput(input) == entry.definition.input.validate(input),
                    "\(entry.definition.name): \(input.canonicalString())")
            }
        }
    }

    @Test func theCatalogChecksWithTheGeneratedValidator() throws {
        let entry = try #require(GeneratedTasks.catalog.entry(named: "aod_estimation"))
        #expect(entry.inputValidator != nil)
        let violations = entry.validateCurrentInput(Self.aodInputs[1])
        #expect(violations.count == 5 && violations.map(\.code).contains("additional_property"))
    }
}
