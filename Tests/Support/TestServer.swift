import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import ServiceLifecycle
import TaskRuntime
import TaskServer
import TaskStoreSQLite

/// A real Taskforge server (HTTP on an ephemeral loopback port, in-process workers, SQLite in a
/// temporary directory) serving `catalog` and its OpenAPI document for the duration of `body`.
public struct TestServer: Sendable {
    public let baseURL: String
    public let store: SQLiteJobStore

    public static func with<T>(
        catalog: TaskCatalog, openAPIDocument: String, maxRuntime: Duration? = nil, maxBodyBytes: Int = 1 << 20,
        _ body: (TestServer) async throws -> T
    ) async throws -> T {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("taskforge-e2e-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        let store = try await SQLiteJobStore.open(path: directory.appendingPathComponent("jobs.sqlite").path, logger: logger)
        let worker = Worker(
            store: store, catalog: catalog,
            configuration: WorkerConfiguration(
                queues: Dictionary(uniqueKeysWithValues: catalog.queues.map { ($0, 4) }), maxRuntime: maxRuntime),
            logger: logger)
        let api = TaskAPI(
            catalog: catalog, store: store,
            configuration: ServerConfiguration(host: "127.0.0.1", port: 0, maxBodyBytes: maxBodyBytes),
            openAPIDocument: openAPIDocument)
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

    public struct Reply: Sendable {
        public var status: Int
        public var headers: [String: String]
        public var json: JSONValue
    }

    public func request(_ method: String, _ path: String, body: String? = nil, contentType: String? = "application/json") async throws -> Reply {
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

    public func submit(_ task: String, version: Int? = nil, _ input: JSONValue) async throws -> Reply {
        try await request("POST", "/v1/tasks/\(task)" + (version.map { "?version=\($0)" } ?? ""), body: input.canonicalString())
    }

    public func job(_ id: String) async throws -> JSONValue {
        try await request("GET", "/v1/jobs/\(id)").json
    }

    /// Polls the job until `condition` holds (a state to reach, not a fixed delay), or fails after `timeout`.
    @discardableResult
    public func waitForJob(
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

    public func waitUntilFinished(_ id: String, timeout: Duration = .seconds(20)) async throws -> JSONValue {
        try await waitForJob(id, timeout: timeout) {
            ["succeeded", "failed", "cancelled", "quarantined"].contains($0["state"]?.stringValue ?? "")
        }
    }
}

public struct TestFailure: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
