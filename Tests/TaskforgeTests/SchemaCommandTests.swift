import Foundation
import Testing

/// `taskforge schema check|diff` on the committed registries and locks.
@Suite("Schema commands")
struct SchemaCommandTests {
    static let root = CommandLineRunner.packageRoot

    @Test func checkAgreesWithTheCommittedLockAndItsHistory() async throws {
        let result = try await CommandLineRunner.run(["schema", "check", "--against", "HEAD"], directory: Self.root)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("agree with the schema lock"))
    }

    @Test func diffDescribesEachVersionInWords() async throws {
        let result = try await CommandLineRunner.run(
            ["schema", "diff", "greet", "--registry", "tasks.yaml", "--lock", "tasks.lock.json"],
            directory: Self.root.appendingPathComponent("Tests/VersioningTests"))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("v1 -> v2:\n  breaking: input: property 'who' removed (input_property_removed)"))
        #expect(
            result.stdout.contains("compatible: input: optional property 'shout' added (input_property_added_optional)")
        )
        #expect(result.stdout.contains("v3 (locked) -> v3 (tasks.yaml): no changes"))
    }

    @Test func aBrokenRegistryFailsTheCheck() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("taskforge-schema-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let registry = try String(contentsOf: Self.root.appendingPathComponent("tasks.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "maxLength: 10000", with: "maxLength: 100")
        try registry.write(to: directory.appendingPathComponent("tasks.yaml"), atomically: true, encoding: .utf8)
        let result = try await CommandLineRunner.run(
            ["schema", "check", "--lock", Self.root.appendingPathComponent("Generated/tasks.lock.json").path],
            directory: directory)
        #expect(result.status == 1)
        #expect(
            result.stdout.contains("(input_max_length_lowered); bump 'version' to 2, or restore it"), "\(result.stdout)"
        )
    }
}
