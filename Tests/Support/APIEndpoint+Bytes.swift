import AsyncHTTPClient
import Foundation
import NIOCore
import TaskRuntime

/// A raw response: status, lowercased headers, body bytes (redirects are not followed).
public struct RawReply: Sendable {
    public var status: Int
    public var headers: [String: String]
    public var body: Data
    public var json: JSONValue { (try? JSONValue(json: body)) ?? .null }
}

extension APIEndpoint {
    /// POSTs `bytes` as they are (not JSON), with a `Content-Length`, or `chunked` in 64 KiB pieces without one.
    public func upload(
        _ path: String, _ bytes: Data, contentType: String = "application/octet-stream", chunked: Bool = false,
        headers: [String: String] = [:]
    ) async throws -> RawReply {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: contentType)
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if chunked {
            let pieces = stride(from: 0, to: bytes.count, by: 64 << 10).map {
                ByteBuffer(bytes: bytes[$0..<min($0 + (64 << 10), bytes.count)])
            }
            request.body = .stream(pieces.async, length: .unknown)
        } else {
            request.body = .bytes(ByteBuffer(bytes: bytes))
        }
        return try await send(request)
    }

    public func download(_ path: String) async throws -> RawReply {
        try await send(HTTPClientRequest(url: baseURL + path))
    }

    private func send(_ request: HTTPClientRequest) async throws -> RawReply {
        let client = HTTPClient(
            eventLoopGroupProvider: .singleton, configuration: .init(redirectConfiguration: .disallow))
        do {
            let response = try await client.execute(request, timeout: .seconds(60))
            let body = try await response.body.collect(upTo: 64 << 20)
            var headers: [String: String] = [:]
            for header in response.headers { headers[header.name.lowercased()] = header.value }
            try await client.shutdown()
            return RawReply(status: Int(response.status.code), headers: headers, body: Data(body.readableBytesView))
        } catch {
            try? await client.shutdown()
            throw error
        }
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
