import Foundation
import TaskCodegen
import TaskSchema
import TaskforgeTestSupport
import Testing

/// The generated `TaskContract`, type-checked by the compiler against handler files the way a build
/// of the target does: a missing or mistyped handler fails with the function to write and its file.
@Suite("Task contract")
struct TaskContractTests {
    static let registryText = """
        tasks:
          echo:
            version: 1
            summary: Echo.
            timeout: 30s
            input: {type: object, required: [message], properties: {message: {type: string}}}
            output: {type: object, required: [message], properties: {message: {type: string}}}
          score:
            version: 2
            summary: Two stages.
            timeout: 30s
            input: {type: object, properties: {n: {type: integer}}}
            output: {type: object, properties: {total: {type: integer}}}
            stages:
              - name: fetch
                output: {type: object, properties: {n: {type: integer}}}
              - name: sum
        """

    static let echo = """
        import TaskRuntime
        extension Handlers {
            static func echo(_ input: Echo.Input, _ job: JobContext) async throws -> Echo.Output {
                Echo.Output(message: input.message)
            }
        }
        """

    static let score = """
        import TaskRuntime
        extension Handlers {
            static func scoreFetch(_ input: Score.Input, _ job: JobContext) async throws -> Score.FetchOutput {
                Score.FetchOutput(n: input.n)
            }
            static func scoreSum(_ input: Score.Input, _ previous: Score.FetchOutput, _ job: JobContext) -> Score.Output {
                Score.Output(total: previous.n)
            }
        }
        """

    @Test func theContractIsMetByTheHandlers() async throws {
        let result = try await Self.typecheck(handlers: ["Echo.swift": Self.echo, "Score.swift": Self.score])
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func aMissingHandlerFailsTheBuildWithTheFunctionToWrite() async throws {
        let result = try await Self.typecheck(handlers: ["Score.swift": Self.score])
        #expect(result.status != 0)
        #expect(
            result.stderr.contains(
                "task 'echo' v1 (tasks.yaml:2) has no handler: in Sources/App/Handlers/Echo.swift, write 'extension Handlers "
                    + "{ static func echo(_ input: Echo.Input, _ job: JobContext) async throws -> Echo.Output { ... } }'"
            ),
            "\(result.stderr)")
    }

    @Test func aHandlerWithAnotherSignatureFailsTheSameWay() async throws {
        let mistyped = Self.score.replacingOccurrences(of: "_ previous: Score.FetchOutput, ", with: "")
        let result = try await Self.typecheck(handlers: ["Echo.swift": Self.echo, "Score.swift": mistyped])
        #expect(result.status != 0)
        #expect(
            result.stderr.contains(
                "stage 'sum' of task 'score' v2 (tasks.yaml:17) has no handler: in Sources/App/Handlers/Score.swift"),
            "\(result.stderr)")
    }

    @Test func aFunctionOfTheSameNameElsewhereDoesNotCount() async throws {
        let elsewhere =
            "struct Provider { static func echo(_ input: Echo.Input) -> Echo.Output { Echo.Output(message: \"\") } }\n"
            + "// func echo(_ input: Echo.Input, _ job: JobContext) async throws -> Echo.Output\n"
        let result = try await Self.typecheck(handlers: ["Echo.swift": elsewhere, "Score.swift": Self.score])
        #expect(result.stderr.contains("task 'echo' v1 (tasks.yaml:2) has no handler"), "\(result.stderr)")
    }

    /// The generated types, contract and dispatch table with `handlers` (file name -> source),
    /// type-checked by `swiftc` against the `TaskRuntime` module this test binary was built with.
    static func typecheck(handlers: [String: String]) async throws -> ProcessRunner.Result {
        let parsed = RegistryParser.parse(registryText, file: "tasks.yaml")
        let registry = try #require(parsed.registry, "\(parsed.diagnostics)")
        let files = TaskCodeGenerator(registry: registry, targetDirectory: "Sources/App").swiftFiles()
            .filter {
                ["Generated+TaskTypes.swift", "Generated+TaskContract.swift", "Generated+TaskCatalog.swift"].contains(
                    $0.name)
            }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("contract-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var paths: [String] = []
        for (name, contents) in files.map({ ($0.name, $0.contents) }) + handlers.sorted(by: { $0.key < $1.key }) {
            let path = directory.appendingPathComponent(name).path
            try contents.write(toFile: path, atomically: true, encoding: .utf8)
            paths.append(path)
        }
        // <scratch>/<triple>/debug/<tests>.xctest: the modules are beside it, the checkouts under <scratch>.
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let products = binary.deletingLastPathComponent()
        let scratch = products.deletingLastPathComponent().deletingLastPathComponent()
        let yaml = scratch.appendingPathComponent("checkouts/Yams/Sources/CYaml/include")
        return try await ProcessRunner.run(
            URL(fileURLWithPath: "/usr/bin/env"),
            [
                "swiftc", "-typecheck", "-swift-version", "6", "-module-name", "App",
                "-I", products.appendingPathComponent("Modules").path,
                "-Xcc", "-fmodule-map-file=\(yaml.appendingPathComponent("module.modulemap").path)",
                "-Xcc", "-I\(yaml.path)",
            ] + paths)
    }
}
