import Foundation
import TaskforgeTestSupport

/// Runs the built `taskforge` executable and collects what it printed.
enum CommandLineRunner {
    /// The `taskforge` binary next to the test bundle in the build directory.
    static var executable: URL {
        get throws {
            var directory = Bundle.main.bundleURL
            for _ in 0..<4 {
                let candidate = directory.appendingPathComponent("taskforge")
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
                directory.deleteLastPathComponent()
            }
            throw TestFailure("the taskforge executable was not found near \(Bundle.main.bundleURL.path)")
        }
    }

    /// The package's root directory.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func run(
        _ arguments: [String], environment: [String: String] = [:], directory: URL? = nil
    ) async throws -> ProcessRunner.Result {
        try await ProcessRunner.run(try executable, arguments, environment: environment, directory: directory)
    }
}
