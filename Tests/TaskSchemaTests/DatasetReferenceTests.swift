import TaskSchema
import Testing

/// `format: dataset`: parsed, validated as a UUID, and found wherever the input names one (nested
/// objects and arrays), in document order.
@Suite struct DatasetReferenceTests {
    static let text = """
        tasks:
          join:
            version: 1
            summary: S.
            timeout: 1s
            input:
              type: object
              properties:
                left: {type: string, format: dataset}
                label: {type: string}
                sides:
                  type: array
                  items:
                    type: object
                    properties:
                      right: {type: string, format: dataset}
                      note: {type: string}
            output: {type: object}
        """

    @Test func referencesAreFoundWithTheirPointers() throws {
        let result = RegistryParser.parse(Self.text, file: "tasks.yaml")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let input = try #require(result.registry?.task(named: "join")?.input)
        #expect(input.readsDatasets)
        #expect(input.properties.first { $0.name == "label" }?.schema.readsDatasets == false)
        let left = "123e4567-e89b-12d3-a456-426614174000"
        let right = "223e4567-e89b-12d3-a456-426614174000"
        let value: JSONValue = [
            "label": "x", "left": .string(left),
            "sides": [["note": "n"], ["right": .string(right), "note": "m"]],
        ]
        #expect(input.validate(value).isEmpty)
        #expect(
            input.datasetReferences(in: value) == [
                DatasetReference(pointer: "/left", id: left), DatasetReference(pointer: "/sides/1/right", id: right),
            ])
        let violations = input.validate(["left": "not-an-id"])
        #expect(violations.map(\.pointer) == ["/left"] && violations.first?.code == "format")
    }
}
