import Foundation
import Logging
import Synchronization
import TaskRuntime
import TaskStorePostgres
import TaskforgeTestSupport

/// One reliability scenario: a fresh PostgreSQL database, a ledger file the test tasks append to,
/// the test's own connection to the store, and the testbed processes it started (all killed at the end).
final class Harness: Sendable {
    let store: PostgresJobStore
    let server: PostgresTestServer
    private let databaseURL: String
    private let directory: URL
    private let processes = Mutex<[BackgroundProcess]>([])

    private init(store: PostgresJobStore, server: PostgresTestServer, databaseURL: String, directory: URL) {
        self.store = store
        self.server = server
        self.databaseURL = databaseURL
        self.directory = directory
    }

    static func with(_ body: (Harness) async throws -> Void) async throws {
        let server = try PostgresTestServer.fromEnvironment()
        try await server.withDatabase { url, text in
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
                "taskforge-reliability-\(UUID())")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let store = try await PostgresJobStore.connect(to: url, logger: Logger(label: "test"))
            let harness = Harness(store: store, server: server, databaseURL: text, directory: directory)
            do {
                try await body(harness)
                harness.stopAll()
                await store.close()
                try? FileManager.default.removeItem(at: directory)
            } catch {
                harness.stopAll()
                await store.close()
                // Keep the logs of a failing scenario, and say where they are.
                throw TestFailure("\(error) (process logs in \(directory.path))")
            }
        }
    }

    /// Starts `taskforge-testbed worker` with short leases and kill grace, plus `arguments`; its
    /// scheduler runs only with `schedules`, so that the testbed's `ticker` adds no jobs elsewhere.
    func worker(_ arguments: [String] = [], schedules: Bool = false) throws -> BackgroundProcess {
        try start(
            ["worker", "--lease-seconds", "2", "--kill-grace", "0.5", "--no-migrate"]
                + (schedules ? [] : ["--no-schedules"])
                + arguments)
    }

    /// Starts `taskforge-testbed serve` on a free port and returns it with its base URL.
    func serve(_ arguments: [String] = []) async throws -> (BackgroundProcess, String) {
        let server = try start(
            ["serve", "--port", "0", "--lease-seconds", "2", "--kill-grace", "0.5", "--no-migrate", "--no-schedules"]
                + arguments)
        return (server, try await server.listeningURL())
    }

    private func start(_ arguments: [String]) throws -> BackgroundProcess {
        let index = processes.withLock { $0.count }
        let process = try BackgroundProcess(
            try BuiltExecutable.named("taskforge-testbed"), arguments,
            environment: ["TASKFORGE_DATABASE_URL": databaseURL, "TESTBED_LEDGER": ledgerFile.path],
            logFile: directory.appendingPathComponent("process-\(index)-\(arguments[0]).log"))
        processes.withLock { $0.append(process) }
        return process
    }

    private func stopAll() {
        for process in processes.withLock({ $0 }) where process.isRunning { process.kill9() }
    }

    // MARK: Jobs

    /// Enqueues `count` jobs of `task` straight into the store, in batches. The input is stored as
    /// given: no defaults are filled in, unlike a submit through the server.
    func enqueue(_ task: String, _ input: JSONValue, count: Int = 1, maxAttempts: Int = 3) async throws -> [UUID] {
        var ids: [UUID] = []
        for start in stride(from: 0, to: count, by: 1000) {
            let batch = (start..<min(start + 1000, count)).map { _ in
                NewJob(task: task, version: 1, queue: "default", input: input, maxAttempts: maxAttempts)
            }
            ids += try await store.enqueue(batch).map(\.id)
        }
        return ids
    }

    /// Waits until the job satisfies `condition` and returns it.
    @discardableResult
    func waitForJob(_ id: UUID, timeout: Duration = .seconds(60), until condition: (Job) -> Bool) async throws -> Job {
        try await eventually("job \(id) to reach the expected state", timeout: timeout) {
            try await store.job(id: id).flatMap { condition($0) ? $0 : nil }
        }
    }

    // MARK: Ledger

    var ledgerFile: URL { directory.appendingPathComponent("ledger.txt") }

    /// Every line the test tasks appended, as (job id, attempt, event).
    func ledger() -> [LedgerEntry] {
        let text = (try? String(contentsOf: ledgerFile, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap(LedgerEntry.init)
    }
}

/// "<job id> <attempt> <event>": `start` or `done` of `record`; `fetch`, `hold` or `done` of `relay`.
struct LedgerEntry: Hashable {
    var job: UUID
    var attempt: Int
    var event: String

    init?(_ line: Substring) {
        let parts = line.split(separator: " ")
        guard parts.count == 3, let job = UUID(uuidString: String(parts[0])), let attempt = Int(parts[1]) else {
            return nil
        }
        self.job = job
        self.attempt = attempt
        self.event = String(parts[2])
    }
}
