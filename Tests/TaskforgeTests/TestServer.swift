import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import ServiceLifecycle
import TaskRuntime
import TaskServer
import TaskStoreSQLite
import Tasks
import Testing

/// A real Taskforge server (HTTP on an ephemeral loopback port, in-process workers, SQLite in a
/// temporary directory) for the duration of `body`.
struct TestServer {
    let baseURL: String
    let store: SQLiteJobStore

    static func with<T>(
        maxRuntime: Duration? = nil, maxBodyBytes: Int = 1 << 20, _ body: (TestServer) async throws -> T
    ) async throws -> T {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("taskforge-e2e-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        let store = try await SQLiteJobStore.open(path: directory.appendingPathComponent("jobs.sqlite").path, logger: logger)
        let catalog = GeneratedTasks.catalog
        let worker = Worker(
            store: store, catalog: catalog,
            configuration: WorkerConfiguration(queues: ["default": 4], maxRuntime: maxRuntime), logger: logger)
        let api = TaskAPI(
            catalog: catalog, store: store,
            configuration: ServerConfiguration(host: "127.0.0.1", port: 0, maxBodyBytes: maxBodyBytes))
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let app = api.application(services: [worker], logger: logger) { port in portContinuation.yield(port) }
        let group = ServiceGroup(services: [app], logger: logger)
        let running = Task { try await group.run() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw TestFailure("the server did not start") }
        let server = TestServer(baseURL: "http://127.0.0.1:\(port)", store: store)
        do {
            let result = try await body(server)
            await group.triggerGracefulShutdown()
            try await running.value
            try await store.close()
            return result
        } catch {
            await group.triggerGracefulShutdown()
            _ = try? await running.value
            try? await store.close()
            throw error
        }
    }

    // MARK: HTTP

    struct Reply {
        var status: Int
        var headers: [String: String]
        var json: JSONValue
    }

    func request(_ method: String, _ path: String, body: String? = nil, contentType: String? = "application/json") async throws -> Reply {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = .init(rawValue: method)
        if let contentType { request.headers.add(name: "Content-Type", value: contentType) }
        if let body { request.body = .bytes(ByteBuffer(string: body)) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let bytes = try await response.body.collect(upTo: 16 << 20)
        let json = (try? JSONValue(json: Data(bytes.readableBytesView))) ?? .null
        var headers: [String: String] = [:]
        for header in response.headers { headers[header.name.lowercased()] = header.value }
        return Reply(status: Int(response.status.code), headers: headers, json: json)
    }

    func submit(_ task: String, _ input: JSONValue) async throws -> Reply {
        try await request("POST", "/v1/tasks/\(task)", body: input.canonicalString())
    }

    func job(_ id: String) async throws -> JSONValue {
        try await request("GET", "/v1/jobs/\(id)").json
    }

    /// Polls the job until `condition` holds (a state to reach, not a fixed delay), or fails after `timeout`.
    @discardableResult
    func waitForJob(
        _ id: String, timeout: Duration = .seconds(20), until condition: (JSONValue) -> Bool
    ) async throws -> JSONValue {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let job = try await job(id)
            if condition(job) { return job }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw TestFailure("job \(id) did not reach the expected condition within \(timeout)")
    }

    func waitUntilFinished(_ id: String, timeout: Duration = .seconds(20)) async throws -> JSONValue {
        try await waitForJob(id, timeout: timeout) {
            ["succeeded", "failed", "cancelled"].contains($0["state"]?.stringValue ?? "")
        }
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
