import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization
import TaskforgeTestSupport

/// A local stand-in for the Brave Search API, on an ephemeral loopback port: it answers
/// `GET /res/v1/web/search` with what `answer` returns for each request, in Brave's documented
/// wire format (``BraveWire``), and records every request it gets.
final class BraveStandIn: Sendable {
    /// One request as the stand-in received it.
    struct Received: Sendable {
        var path: String
        /// Query parameters, percent-decoded.
        var parameters: [String: String]
        /// Header values by lowercased name.
        var headers: [String: String]
        var at: Date
    }

    /// What to answer: status, headers and body, optionally gzip-encoded, after `delay`.
    struct Answer: Sendable {
        var status: Int
        var headers: [String: String] = [:]
        var body: String
        var delay: Duration = .zero
        var gzip = false
    }

    let baseURL: String
    private let recorder: Recorder

    private init(baseURL: String, recorder: Recorder) {
        self.baseURL = baseURL
        self.recorder = recorder
    }

    /// The requests received so far, oldest first.
    var requests: [Received] { recorder.requests.withLock { $0 } }

    /// Every request received, shared by the routes and the tests.
    private final class Recorder: Sendable {
        let requests = Mutex<[Received]>([])

        /// Records `request`; returns how many came before it.
        func record(_ request: Received) -> Int {
            requests.withLock { requests in
                requests.append(request)
                return requests.count - 1
            }
        }
    }

    /// Runs `body` with a stand-in answering every search request with `answer(request, n)`, `n`
    /// counting requests from 0.
    static func with<T>(
        answer: @escaping @Sendable (Received, Int) -> Answer, _ body: (BraveStandIn) async throws -> T
    ) async throws -> T {
        var logger = Logger(label: "brave-stand-in")
        logger.logLevel = .warning
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let recorder = Recorder()
        let router = Router()
        router.get("/res/v1/web/search") { request, _ -> Response in
            var parameters: [String: String] = [:]
            for (name, value) in request.uri.queryParameters { parameters[String(name)] = String(value) }
            var headers: [String: String] = [:]
            for field in request.headers { headers[field.name.canonicalName] = field.value }
            let received = Received(path: request.uri.path, parameters: parameters, headers: headers, at: Date())
            let reply = answer(received, recorder.record(received))
            if reply.delay > .zero { try await Task.sleep(for: reply.delay) }
            var fields = HTTPFields()
            fields[.contentType] = "application/json; charset=utf-8"
            for (name, value) in reply.headers { fields[HTTPField.Name(name)!] = value }
            var bytes = Data(reply.body.utf8)
            if reply.gzip {
                bytes = Gzip.stored(bytes)
                fields[.contentEncoding] = "gzip"
            }
            return Response(
                status: .init(code: reply.status), headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        }
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in portContinuation.yield(channel.localAddress?.port ?? 0) }, logger: logger)
        let group = ServiceGroup(services: [app], logger: logger)
        let running = Task { try await group.run() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw TestFailure("the Brave stand-in did not start") }
        let standIn = BraveStandIn(baseURL: "http://127.0.0.1:\(port)", recorder: recorder)
        do {
            let result = try await body(standIn)
            await group.triggerGracefulShutdown()
            try await running.value
            return result
        } catch {
            await group.triggerGracefulShutdown()
            _ = try? await running.value
            throw error
        }
    }
}
