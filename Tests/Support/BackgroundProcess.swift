import Foundation
import TaskRuntime

/// A long-running process under test (a `serve` or a `worker`), its output kept in a log file.
public final class BackgroundProcess: Sendable {
    private let process: SpawnedProcess
    public let logFile: URL

    /// Starts `executable` with `arguments` and `environment` on top of this process's.
    public init(_ executable: URL, _ arguments: [String], environment: [String: String], logFile: URL) throws {
        guard FileManager.default.createFile(atPath: logFile.path, contents: nil) else {
            throw TestFailure("cannot create the log file \(logFile.path)")
        }
        let log = try FileHandle(forWritingTo: logFile)
        defer { try? log.close() }
        process = try SpawnedProcess(
            executable: executable, arguments: arguments,
            environment: ProcessInfo.processInfo.environment.merging(environment) { $1 },
            standardOutput: log.fileDescriptor, standardError: log.fileDescriptor)
        self.logFile = logFile
    }

    public var isRunning: Bool { process.isRunning }

    /// A test that ends early (a failed expectation that throws) leaves no server or worker behind.
    deinit {
        process.send(SIGKILL)
    }

    public var log: String { (try? String(contentsOf: logFile, encoding: .utf8)) ?? "" }

    /// `kill -9`: no shutdown code runs.
    public func kill9() {
        process.send(SIGKILL)
        _ = process.waitUntilExit()
    }

    /// SIGTERM, then waits for the exit and returns its status.
    public func terminate() async -> Int32 {
        process.send(SIGTERM)
        return await process.terminated().status
    }

    /// The `url` of the "taskforge is listening" log line of `serve`, once it is written.
    public func listeningURL(timeout: Duration = .seconds(120)) async throws -> String {
        try await eventually("the server to listen", timeout: timeout) {
            log.split(separator: "\n").lazy.compactMap { line -> String? in
                guard line.contains("taskforge is listening"),
                    let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                else { return nil }
                return object["url"] as? String
            }.first
        }
    }
}

/// Polls `condition` every 20 ms until it yields a value, failing after `timeout`.
public func eventually<T>(
    _ what: String, timeout: Duration = .seconds(60), _ condition: () async throws -> T?
) async throws -> T {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if let value = try await condition() { return value }
        try await Task.sleep(for: .milliseconds(20))
    }
    throw TestFailure("timed out after \(timeout) waiting for \(what)")
}

/// Polls until `condition` holds.
public func eventually(
    _ what: String, timeout: Duration = .seconds(60), _ condition: () async throws -> Bool
) async throws {
    _ = try await eventually(what, timeout: timeout) { try await condition() ? true : nil }
}
