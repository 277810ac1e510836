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
            .replacingOccurrences(of: "\\\\#+\n", with: "", options: .regularExpression)  // line continuations
        #expect(embedded == document)
    }

    /// The repository's own tasks.yaml too: its descriptions are long.
    static func generateForTheRepository() throws -> [GeneratedFile] {
        let root = directory.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let registry = try Registry.load(path: root.appendingPathComponent("tasks.yaml").path)
        let lock = try SchemaLock.parse(
            data: Data(contentsOf: root.appendingPathComponent("Generated/tasks.lock.json")))
        return TaskCodeGenerator(registry: registry, lock: lock, targetDirectory: "Sources/Tasks").swiftFiles()
    }

    @Test func noGeneratedLineIsLongerThan120Columns() throws {
        for file in try Self.generate() + Self.generateForTheRepository() {
            for (number, line) in file.contents.split(separator: "\n").enumerated() where line.count > 120 {
                Issue.record("\(file.name):\(number + 1) has \(line.count) columns: \(line)")
            }
        }
    }

    @Test func everyGeneratedTypeAndPropertyNamesItsOrigin() throws {
        for file in try Self.generate() + Self.generateForTheRepository() where file.name == "Generated+TaskTypes.swift"
        {
            let lines = file.contents.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            for (index, line) in lines.enumerated()
            where ["public var ", "public struct ", "public enum ", "public typealias "].contains(where: line.hasPrefix)
                && !line.hasPrefix("public enum V") && !line.hasPrefix("public struct Files")
            {
                let comment = lines[..<index].reversed().prefix { $0.hasPrefix("///") }
                #expect(
                    comment.contains { $0.hasPrefix("/// - Remark: Generated from ") },
                    "\(file.name):\(index + 1) \(line) has no origin")
            }
        }
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
