import AsyncHTTPClient
import Foundation
import NIOCore
import TaskRuntime

/// A tus answer: status, lowercased headers, the body as JSON (`null` if it is not).
public struct TusReply: Sendable {
    public var status: Int
    public var headers: [String: String]
    public var json: JSONValue
    public var offset: Int64? { headers["upload-offset"].flatMap { Int64($0) } }
}

/// Raw tus 1.0.0 requests, header by header, as a test needs to bend them.
extension APIEndpoint {
    /// `method path` with `Tus-Resumable: 1.0.0` (unless `resumable` is `nil`) and `headers`;
    /// a `body` goes as `application/offset+octet-stream` unless `headers` names a type.
    public func tus(
        _ method: String, _ path: String, headers: [String: String] = [:], body: Data? = nil,
        resumable: String? = "1.0.0"
    ) async throws -> TusReply {
        var fields: [(String, String)] = []
        if let resumable { fields.append(("Tus-Resumable", resumable)) }
        if body != nil && headers["Content-Type"] == nil {
            fields.append(("Content-Type", "application/offset+octet-stream"))
        }
        fields += headers.map { ($0, $1) }
        let reply = try await exchange(method, path, headers: fields, body: body.map { ByteBuffer(bytes: $0) })
        return TusReply(status: reply.status, headers: reply.headers, json: reply.json)
    }

    /// `POST /v1/uploads/` of `length` bytes with `metadata` (base64-encoded here).
    public func createUpload(
        length: Int64, metadata: [String: String] = ["file": "data.bin"], path: String = "/v1/uploads/",
        headers: [String: String] = [:], body: Data? = nil
    ) async throws -> TusReply {
        var headers = headers
        headers["Upload-Length"] = String(length)
        if !metadata.isEmpty { headers["Upload-Metadata"] = Self.metadataHeader(metadata) }
        return try await tus("POST", path, headers: headers, body: body)
    }

    /// `PATCH` of `bytes` at `offset`.
    public func patchUpload(
        _ location: String, offset: Int64, _ bytes: Data, headers: [String: String] = [:]
    ) async throws
        -> TusReply
    {
        var headers = headers
        headers["Upload-Offset"] = String(offset)
        return try await tus("PATCH", location, headers: headers, body: bytes)
    }

    /// A `PATCH` announcing all of `bytes` (`Content-Length`) whose connection breaks after the
    /// first `sent` bytes: the client's side of a network failure mid-chunk.
    public func interruptedPatch(
        _ location: String, offset: Int64, _ bytes: Data, after sent: Int, headers: [String: String] = [:]
    )
        async
    {
        var request = HTTPClientRequest(url: baseURL + location)
        request.method = .PATCH
        request.headers.add(name: "Tus-Resumable", value: "1.0.0")
        request.headers.add(name: "Content-Type", value: "application/offset+octet-stream")
        request.headers.add(name: "Upload-Offset", value: String(offset))
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        let part = ByteBuffer(bytes: bytes.prefix(sent))
        let body = AsyncThrowingStream<ByteBuffer, any Error> { continuation in
            continuation.yield(part)
            continuation.finish(throwing: TestFailure("the connection broke"))
        }
        request.body = .stream(body, length: .known(Int64(bytes.count)))
        _ = try? await HTTPClient.shared.execute(request, timeout: .seconds(30))
    }

    public static func metadataHeader(_ metadata: [String: String]) -> String {
        metadata.sorted { $0.key < $1.key }.map { "\($0.key) \(Data($0.value.utf8).base64EncodedString())" }
            .joined(separator: ",")
    }
}
