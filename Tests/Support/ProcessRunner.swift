import Foundation
import TaskRuntime

/// Runs another program to completion and collects what it printed.
public enum ProcessRunner {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    public static func run(
        _ executable: URL, _ arguments: [String], environment: [String: String] = [:], directory: URL? = nil
    ) async throws -> Result {
        let process = Process()
        process.currentDirectoryURL = directory
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
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

    /// Reads on a thread of its own: a blocking read must not hold one of the few threads that
    /// run Swift tasks (a server under test needs them).
    private static func readToEnd(_ handle: FileHandle) async -> Data {
        (try? await onOwnThread(named: "process-output") { handle.readUntilEnd() }) ?? Data()
    }
}
