import Foundation
import TaskforgeTestSupport

/// Runs the built `taskforge` executable and collects what it printed.
enum CommandLineRunner {
    /// The `taskforge` binary next to the test bundle in the build directory.
    static var executable: URL {
        get throws { try BuiltExecutable.named("taskforge") }
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
