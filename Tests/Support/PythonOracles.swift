import Foundation
import Synchronization
import TaskRuntime

/// The Python oracles of the dataset tests (`Tests/DatasetsTests/Oracles`: pandas, scikit-learn,
/// DuckDB), answered by one interpreter for the whole test run (`serve.py`).
///
/// Importing those libraries takes a second or more of CPU; the tests ask dozens of questions, so
/// the interpreter starts once and each script runs in it as if from the command line. Questions
/// go one at a time: an oracle takes a core while it computes, and the servers and workers of the
/// tests beside it need the other. A missing interpreter or library fails the asking test
/// (`scripts/test` installs them); these oracles are the point of their tests, never skipped.
public final class PythonOracles: Sendable {
    public static let shared = PythonOracles(
        directory: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("DatasetsTests/Oracles"))

    /// A script's exit status and output.
    public struct Answer: Sendable, Decodable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// The running interpreter: its pipes, and what it has written past the last answer.
    private struct Interpreter {
        let process: SpawnedProcess
        let requests: FileHandle
        let answers: FileHandle
        /// What it wrote to standard error (a file already unlinked: nothing is left behind).
        let errors: FileHandle
        var unread = Data()

        /// The next line it writes, `nil` once it has exited.
        mutating func readLine() -> Data? {
            while true {
                if let newline = unread.firstIndex(of: UInt8(ascii: "\n")) {
                    defer { unread.removeSubrange(...newline) }
                    return unread[..<newline]
                }
                let chunk = answers.availableData
                guard !chunk.isEmpty else { return nil }
                unread.append(chunk)
            }
        }
    }

    private let directory: URL
    private let turn = ConcurrencyLimit(1)
    private let interpreter = Mutex<Interpreter?>(nil)

    init(directory: URL) {
        self.directory = directory
    }

    /// Runs `Oracles/<script> arguments...` and returns how it ended.
    public func run(_ script: String, _ arguments: [String]) async throws -> Answer {
        let request =
            try JSONSerialization.data(withJSONObject: ["script": script, "args": arguments]) + Data("\n".utf8)
        // Writing and reading block: on a thread of their own, not one that runs the tests' tasks.
        return try await turn.run {
            try await onOwnThread(named: "python-oracles") { try self.exchange(request) }
        }
    }

    private func exchange(_ request: Data) throws -> Answer {
        try interpreter.withLock { interpreter in
            if interpreter?.process.isRunning != true { interpreter = try start() }
            try interpreter!.requests.write(contentsOf: request)
            guard let line = interpreter!.readLine() else {
                let log = String(decoding: interpreter!.errors.readDataToEndOfFile(), as: UTF8.self)
                interpreter = nil
                throw TestFailure(
                    """
                    the oracles' interpreter (serve.py) exited; it needs python3 with pandas, scikit-learn \
                    and duckdb (scripts/test installs them): \(log)
                    """)
            }
            return try JSONDecoder().decode(Answer.self, from: line)
        }
    }

    private func start() throws -> Interpreter {
        let requests = Pipe()
        let answers = Pipe()
        let errorLog = FileManager.default.temporaryDirectory.appendingPathComponent("python-oracles-\(UUID()).log")
        guard FileManager.default.createFile(atPath: errorLog.path, contents: nil),
            let errorWriter = FileHandle(forWritingAtPath: errorLog.path),
            let errors = FileHandle(forReadingAtPath: errorLog.path)
        else { throw TestFailure("cannot create \(errorLog.path)") }
        defer { try? errorWriter.close() }
        try FileManager.default.removeItem(at: errorLog)
        let process = try SpawnedProcess(
            executable: URL(fileURLWithPath: "/usr/bin/env"),
            arguments: ["python3", directory.appendingPathComponent("serve.py").path],
            standardInput: requests.fileHandleForReading.fileDescriptor,
            standardOutput: answers.fileHandleForWriting.fileDescriptor, standardError: errorWriter.fileDescriptor)
        try requests.fileHandleForReading.close()
        try answers.fileHandleForWriting.close()
        return Interpreter(
            process: process, requests: requests.fileHandleForWriting, answers: answers.fileHandleForReading,
            errors: errors)
    }
}
