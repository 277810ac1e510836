import AsyncHTTPClient
import Foundation
import NIOCore
import TaskRuntime

/// A Taskforge server the tests talk HTTP to: in this process (``TestServer``) or another one
/// (``RemoteServer``).
public protocol APIEndpoint: Sendable {
    var baseURL: String { get }

    /// Sends one request and collects the whole answer. By default over HTTP to ``baseURL``; a
    /// ``TestServer`` in memory hands it to its router instead.
    func exchange(
        _ method: String, _ path: String, headers: [(String, String)], body: ByteBuffer?
    ) async throws
        -> RawReply
}

/// A server running in another process, at `baseURL`.
public struct RemoteServer: APIEndpoint {
    public let baseURL: String

    /// The client of ``APIEndpoint/httpExchange(_:_:headers:body:)``: it follows no redirect, as
    /// the router in memory does not (a test reads the redirect itself). Like `HTTPClient.shared`,
    /// it lives as long as the process.
    static let client = HTTPClient(
        eventLoopGroupProvider: .singleton, configuration: .init(redirectConfiguration: .disallow))

    public init(baseURL: String) {
        self.baseURL = baseURL
    }
}

/// An HTTP answer: status, headers (lowercased names) and the body as JSON (`null` if it is not).
public struct Reply: Sendable {
    public var status: Int
    public var headers: [String: String]
    public var json: JSONValue
}

extension APIEndpoint {
    public func exchange(
        _ method: String, _ path: String, headers: [(String, String)], body: ByteBuffer?
    )
        async throws -> RawReply
    {
        try await httpExchange(method, path, headers: headers, body: body)
    }

    /// ``exchange(_:_:headers:body:)`` over HTTP to ``baseURL``.
    public func httpExchange(
        _ method: String, _ path: String, headers: [(String, String)], body: ByteBuffer?
    )
        async throws -> RawReply
    {
        // An absolute URL is one the server gave (a tus `Location`).
        var request = HTTPClientRequest(url: path.hasPrefix("http") ? path : baseURL + path)
        request.method = .init(rawValue: method)
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(body) }
        let response = try await RemoteServer.client.execute(request, timeout: .seconds(120))
        let bytes = try await response.body.collect(upTo: 64 << 20)
        var replyHeaders: [String: String] = [:]
        for header in response.headers { replyHeaders[header.name.lowercased()] = header.value }
        return RawReply(status: Int(response.status.code), headers: replyHeaders, body: Data(bytes.readableBytesView))
    }

    public func request(
        _ method: String, _ path: String, body: String? = nil, contentType: String? = "application/json",
        headers: [String: String] = [:]
    ) async throws -> Reply {
        let reply = try await exchange(
            method, path, headers: (contentType.map { [("Content-Type", $0)] } ?? []) + headers.map { ($0, $1) },
            body: body.map { ByteBuffer(string: $0) })
        return Reply(status: reply.status, headers: reply.headers, json: reply.json)
    }

    public func submit(_ task: String, version: Int? = nil, _ input: JSONValue) async throws -> Reply {
        try await request(
            "POST", "/v1/tasks/\(task)" + (version.map { "?version=\($0)" } ?? ""), body: input.canonicalString())
    }

    public func job(_ id: String) async throws -> JSONValue {
        try await request("GET", "/v1/jobs/\(id)").json
    }

    /// Polls the job until `condition` holds (a state to reach, not a fixed delay), or fails after `timeout`.
    @discardableResult
    public func waitForJob(
        _ id: String, timeout: Duration = .seconds(120), until condition: (JSONValue) -> Bool
    ) async throws -> JSONValue {
        try await waitFor("/v1/jobs/\(id)", timeout: timeout, until: condition)
    }

    /// Polls `GET path` until its JSON body satisfies `condition`, or fails after `timeout`.
    @discardableResult
    public func waitFor(
        _ path: String, timeout: Duration = .seconds(120), until condition: (JSONValue) -> Bool
    ) async throws -> JSONValue {
        // Typed: JSONValue is itself ExpressibleByNilLiteral, and `nil` must mean "not yet".
        try await eventually("\(path) to reach the expected condition", timeout: timeout) {
            () async throws -> JSONValue? in
            let body = try await request("GET", path).json
            guard condition(body) else { return Optional.none }
            return body
        }
    }

    public func waitUntilFinished(_ id: String, timeout: Duration = .seconds(120)) async throws -> JSONValue {
        try await waitForJob(id, timeout: timeout) {
            ["succeeded", "failed", "cancelled", "quarantined"].contains($0["state"]?.stringValue ?? "")
        }
    }
}
