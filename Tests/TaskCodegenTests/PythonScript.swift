import Foundation

/// Runs `python3` for the checks that use an independent implementation (openapi-spec-validator,
/// jsonschema). A missing interpreter or module fails the test with what to do; it never skips.
enum PythonScript {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Fails unless `python3` can import `module` (from the PyPI package `package`).
    static func requireModule(_ module: String, package: String) async throws {
        let result = try await run(["-c", "import \(module)"])
        guard result.status == 0 else {
            let missing = result.status == 127 ? "python3 is not installed" : "the Python package '\(package)' is not installed"
            let reason = result.stderr.split(separator: "\n").last.map { " (\($0))" } ?? ""
            throw Failure(description: "\(missing): run scripts/test, which installs it\(reason)")
        }
    }

    /// Runs `python3 <arguments>` and collects what it printed.
    static func run(_ arguments: [String]) async throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice
        let exited = AsyncStream<Int32> { continuation in
            process.terminationHandler = { continuation.yield($0.terminationStatus); continuation.finish() }
        }
        try process.run()
        async let out = readToEnd(stdout.fileHandleForReading)
        async let err = readToEnd(stderr.fileHandleForReading)
        let (outData, errData) = await (out, err)
        var status: Int32 = -1
        for await code in exited { status = code }
        return Result(
            status: status, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Reads on a thread of its own: a blocking read must not hold one of the few threads that run
    /// Swift tasks.
    private static func readToEnd(_ handle: FileHandle) async -> Data {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: handle.readDataToEndOfFile()) }
        }
    }
}
