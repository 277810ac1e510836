import TaskCodegen
import TaskSchema
import Testing

/// Problems the generator reports before the compiler would, at the task's line in tasks.yaml.
@Suite("Generator diagnostics")
struct GeneratorDiagnosticsTests {
    static let registryText = """
        tasks:
          echo:
            version: 1
            summary: Echo.
            timeout: 30s
            input: {type: object, properties: {message: {type: string}}}
            output: {type: object, properties: {message: {type: string}}}
          aod_estimation:
            version: 1
            summary: AOD.
            timeout: 30s
            input: {type: object, properties: {wait: {type: boolean}}}
            output: {type: object}
        """

    static func generator() throws -> TaskCodeGenerator {
        let result = RegistryParser.parse(registryText, file: "tasks.yaml")
        return TaskCodeGenerator(registry: try #require(result.registry, "\(result.diagnostics)"))
    }

    @Test func aPropertyMayNotShadowASubmitOption() throws {
        let diagnostics = try Self.generator().diagnostics()
        #expect(
            diagnostics.map(\.description).contains(
                "tasks.yaml:12:40: error: input property 'wait' of task 'aod_estimation' would shadow the command-line option '--wait' of 'taskforge submit'; rename the property"
            ))
    }
}
