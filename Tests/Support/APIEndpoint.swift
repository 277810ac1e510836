import AsyncHTTPClient
import Foundation
import NIOCore
import TaskRuntime

/// A Taskforge server the tests talk HTTP to: in this process (``TestServer``) or another one
/// (``RemoteServer``).
public protocol APIEndpoint: Sendable {
    var baseURL: String { get }
}

/// A server running in another process, at `baseURL`.
public struct RemoteServer: APIEndpoint {
    public let baseURL: String

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
    public func request(
        _ method: String, _ path: String, body: String? = nil, contentType: String? = "application/json",
        headers: [String: String] = [:]
    ) async throws -> Reply {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = .init(rawValue: method)
        if let contentType { request.headers.add(name: "Content-Type", value: contentType) }
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(ByteBuffer(string: body)) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let bytes = try await response.body.collect(upTo: 16 << 20)
        let json = (try? JSONValue(json: Data(bytes.readableBytesView))) ?? .null
        var headers: [String: String] = [:]
        for header in response.headers { headers[header.name.lowercased()] = header.value }
        return Reply(status: Int(response.status.code), headers: headers, json: json)
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
