import Foundation
import TaskCodegen
import TaskSchema
import Testing

/// The generator's output for `Golden/tasks.yaml`, compared byte for byte with the committed files
/// in `Golden/`. After an intended change, regenerate them with
/// `TASKFORGE_UPDATE_GOLDENS=1 swift test --filter GoldenTests` and review the diff.
@Suite("Generated code")
struct GoldenTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func generate() throws -> [GeneratedFile] {
        let registry = try Registry.load(path: directory.appendingPathComponent("tasks.yaml").path)
        return TaskCodeGenerator(registry: registry).swiftFiles()
    }

    /// Every generated Swift file but the OpenAPI constant, whose document has its own golden file.
    static let goldenSwiftFiles = TaskCodeGenerator.swiftFileNames.filter { $0 != "Generated+OpenAPI.swift" }

    @Test(arguments: goldenSwiftFiles)
    func matchesTheGoldenFile(name: String) throws {
        let file = try #require(try Self.generate().first { $0.name == name })
        let golden = Self.directory.appendingPathComponent(name + ".golden")
        if ProcessInfo.processInfo.environment["TASKFORGE_UPDATE_GOLDENS"] == "1" {
            try file.contents.write(to: golden, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(file.contents == expected, "regenerate with TASKFORGE_UPDATE_GOLDENS=1 and review the diff")
    }

    @Test func theOpenAPIConstantHoldsTheDocument() throws {
        let registry = try Registry.load(path: Self.directory.appendingPathComponent("tasks.yaml").path)
        let file = try #require(try Self.generate().first { $0.name == "Generated+OpenAPI.swift" })
        let document = OpenAPIRenderer.render(for: registry, lock: SchemaLock())
        let embedded = file.contents.split(separator: "\n", omittingEmptySubsequences: false)
            .drop { !$0.hasSuffix("\"\"\"") }.dropFirst()
            .prefix { !$0.hasPrefix("        \"\"\"") }
            .map { $0.hasPrefix("        ") ? String($0.dropFirst(8)) : String($0) }
            .joined(separator: "\n")
        #expect(embedded == document)
    }

    @Test func outputIsDeterministic() throws {
        #expect(try Self.generate() == Self.generate())
    }

    @Test func thePluginDeclaresTheFilesTheGeneratorWrites() throws {
        let plugin = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Plugins/TaskgenPlugin/TaskgenPlugin.swift")
        let source = try String(contentsOf: plugin, encoding: .utf8)
        for name in TaskCodeGenerator.swiftFileNames {
            #expect(source.contains("\"\(name)\""), "the plugin must list \(name) among its outputs")
        }
    }
}
