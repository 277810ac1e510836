import Foundation
import TaskforgeTestSupport

/// Runs `python3` for the checks that use an independent implementation (openapi-spec-validator,
/// jsonschema). A missing interpreter or module fails the test with what to do; it never skips.
enum PythonScript {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Fails unless `python3` can import `module` (from the PyPI package `package`).
    static func requireModule(_ module: String, package: String) async throws {
        let result = try await run(["-c", "import \(module)"])
        guard result.status == 0 else {
            let missing =
                result.status == 127 ? "python3 is not installed" : "the Python package '\(package)' is not installed"
            let reason = result.stderr.split(separator: "\n").last.map { " (\($0))" } ?? ""
            throw Failure(description: "\(missing): run scripts/test, which installs it\(reason)")
        }
    }

    /// Runs `python3 <arguments>` and collects what it printed.
    static func run(_ arguments: [String]) async throws -> ProcessRunner.Result {
        try await ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3"] + arguments)
    }
}
