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
        let stdout = Pipe()
        let stderr = Pipe()
        let process = try SpawnedProcess(
            executable: executable, arguments: arguments,
            environment: ProcessInfo.processInfo.environment.merging(environment) { $1 }, directory: directory,
            standardOutput: stdout.fileHandleForWriting.fileDescriptor,
            standardError: stderr.fileHandleForWriting.fileDescriptor)
        try stdout.fileHandleForWriting.close()
        try stderr.fileHandleForWriting.close()
        async let out = readToEnd(stdout.fileHandleForReading)
        async let err = readToEnd(stderr.fileHandleForReading)
        let (outData, errData) = await (out, err)
        let termination = await process.terminated()
        return Result(
            status: termination.status, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Reads on a thread of its own: a blocking read must not hold one of the few threads that
    /// run Swift tasks (a server under test needs them).
    private static func readToEnd(_ handle: FileHandle) async -> Data {
        (try? await onOwnThread(named: "process-output") { handle.readUntilEnd() }) ?? Data()
    }
}
