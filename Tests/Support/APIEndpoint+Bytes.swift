import AsyncHTTPClient
import Foundation
import NIOCore
import TaskRuntime

/// A raw response: status, headers (lowercased names; the last of a repeated one), body bytes
/// (redirects are not followed).
public struct RawReply: Sendable {
    public var status: Int
    public var headers: [String: String]
    public var body: Data
    public var json: JSONValue { (try? JSONValue(json: body)) ?? .null }
}

extension APIEndpoint {
    /// POSTs `bytes` as they are (not JSON), with a `Content-Length`, or `chunked` in 64 KiB pieces
    /// without one (over HTTP: chunked encoding is the wire's).
    public func upload(
        _ path: String, _ bytes: Data, contentType: String = "application/octet-stream", chunked: Bool = false,
        headers: [String: String] = [:]
    ) async throws -> RawReply {
        guard chunked else {
            return try await exchange(
                "POST", path, headers: [("Content-Type", contentType)] + headers.map { ($0, $1) },
                body: ByteBuffer(bytes: bytes))
        }
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: contentType)
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        let pieces = stride(from: 0, to: bytes.count, by: 64 << 10).map {
            ByteBuffer(bytes: bytes[$0..<min($0 + (64 << 10), bytes.count)])
        }
        request.body = .stream(pieces.async, length: .unknown)
        return try await send(request)
    }

    public func download(_ path: String) async throws -> RawReply {
        try await exchange("GET", path, headers: [], body: nil)
    }

    private func send(_ request: HTTPClientRequest) async throws -> RawReply {
        let response = try await RemoteServer.client.execute(request, timeout: .seconds(60))
        let body = try await response.body.collect(upTo: 64 << 20)
        var headers: [String: String] = [:]
        for header in response.headers { headers[header.name.lowercased()] = header.value }
        return RawReply(status: Int(response.status.code), headers: headers, body: Data(body.readableBytesView))
    }
}

extension Array where Element: Sendable {
    /// The elements as an async sequence.
    fileprivate var async: AsyncStream<Element> {
        AsyncStream { continuation in
            for element in self { continuation.yield(element) }
            continuation.finish()
        }
    }
}
