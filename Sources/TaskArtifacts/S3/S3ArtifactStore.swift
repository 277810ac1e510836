import AsyncHTTPClient
import Crypto
import Foundation
import NIOCore
import NIOHTTP1
import TaskRuntime

/// Artifacts in S3-compatible object storage, every request signed with ``SigV4Signer``.
///
/// Uploads are buffered one part at a time (``partSize``, at least S3's minimum of 5 MiB): a body
/// that ends within the first part is sent with one `PUT`; a longer one as a multipart upload
/// (initiate, one `PUT` per part, complete), aborted when the body or a request fails, so no
/// partial object remains. Every request signs its payload's SHA-256 (`x-amz-content-sha256`), since
/// each part is in memory anyway: the server refuses a body altered on the way. Presigned URLs
/// use `UNSIGNED-PAYLOAD`, the only choice for query-string authentication.
public struct S3ArtifactStore: ArtifactStore {
    /// S3's smallest part but the last.
    public static let minimumPartSize = 5 << 20

    public let location: S3Location
    let signer: SigV4Signer
    /// The size of each part of a multipart upload, and the most of a body held in memory.
    public let partSize: Int
    private let client: HTTPClient

    public init(
        location: S3Location, credentials: SigV4Credentials, partSize: Int = 8 << 20, client: HTTPClient = .shared
    ) {
        self.location = location
        self.signer = SigV4Signer(credentials: credentials, region: location.region)
        self.partSize = max(partSize, Self.minimumPartSize)
        self.client = client
    }

    public func put<Body: AsyncSequence>(key: String, contentType: String, body: Body) async throws
    where Body.Element == ByteBuffer {
        try StorageKey.check(key)
        let path = location.path(forKey: key)
        var chunks = body.makeAsyncIterator()
        var part = ByteBuffer()
        var ended = try await fill(&part, from: &chunks)
        if ended {
            _ = try await send("PUT", path: path, headers: [("content-type", contentType)], body: part)
            return
        }
        let uploadID = try await initiateMultipartUpload(path: path, contentType: contentType)
        do {
            var etags: [String] = []
            while part.readableBytes > 0 {
                etags.append(try await uploadPart(part, number: etags.count + 1, path: path, uploadID: uploadID))
                part.clear()
                if !ended { ended = try await fill(&part, from: &chunks) }
            }
            try await completeMultipartUpload(path: path, uploadID: uploadID, etags: etags)
        } catch {
            try? await abortMultipartUpload(path: path, uploadID: uploadID)
            throw error
        }
    }

    public func read(key: String, into consume: (ByteBuffer) async throws -> Void) async throws {
        try StorageKey.check(key)
        let response = try await execute(signed("GET", path: location.path(forKey: key)))
        guard response.status == .ok else { throw try await failure(response, "GET") }
        do {
            for try await chunk in response.body {
                try await consume(chunk)
            }
        } catch let error as HTTPClientError {
            throw ArtifactStorageError("S3 GET: the download broke off (\(error))")
        }
    }

    public func delete(key: String) async throws {
        try StorageKey.check(key)
        _ = try await send("DELETE", path: location.path(forKey: key))
    }

    public func temporaryURL(key: String, expiresIn: Duration) throws -> URL? {
        try temporaryURL(key: key, expiresIn: expiresIn, signedAt: Date())
    }

    /// The link of ``temporaryURL(key:expiresIn:)`` as if signed at `date`; it expires `expiresIn`
    /// (1 second to 7 days, S3's range) after that.
    func temporaryURL(key: String, expiresIn: Duration, signedAt date: Date) throws -> URL? {
        try StorageKey.check(key)
        let path = location.path(forKey: key)
        let request = SigV4Request(method: "GET", path: path, headers: [("host", location.host)])
        let seconds = min(max(Int(expiresIn.components.seconds), 1), 7 * 24 * 3600)
        let query = signer.presignedQuery(for: request, date: date, expiresIn: seconds)
        return URL(string: location.url(path: path, query: query))
    }

    // MARK: Requests

    /// Sends a signed request with `body` and returns the response's body (at most 1 MiB, the size
    /// of S3's XML answers); throws ``ArtifactStorageError`` for any status but 2xx.
    func send(
        _ method: String, path: String, query: [(name: String, value: String)] = [],
        headers: [(name: String, value: String)] = [], body: ByteBuffer = ByteBuffer()
    ) async throws -> (HTTPHeaders, ByteBuffer) {
        let response = try await execute(signed(method, path: path, query: query, headers: headers, body: body))
        guard (200..<300).contains(response.status.code) else { throw try await failure(response, method) }
        let answer = try await collect(response)
        // CompleteMultipartUpload may fail after a 200: the error is then in the body.
        if String(buffer: answer).contains("<Error>") {
            throw ArtifactStorageError("S3 \(method) failed: \(S3XMLAnswer(answer).summary)")
        }
        return (response.headers, answer)
    }

    private func signed(
        _ method: String, path: String, query: [(name: String, value: String)] = [],
        headers: [(name: String, value: String)] = [], body: ByteBuffer = ByteBuffer()
    ) -> HTTPClientRequest {
        let date = Date()
        let payloadHash = body.withUnsafeReadableBytes { Hex.encode(SHA256.hash(data: $0)) }
        var signedHeaders =
            headers + [
                ("host", location.host), ("x-amz-date", SigV4Signer.timestamp(date)),
                ("x-amz-content-sha256", payloadHash),
            ]
        if let token = signer.credentials.sessionToken { signedHeaders.append(("x-amz-security-token", token)) }
        let authorization = signer.authorization(
            for: SigV4Request(method: method, path: path, query: query, headers: signedHeaders),
            payloadHash: payloadHash,
            date: date)
        var request = HTTPClientRequest(url: location.url(path: path, query: query))
        request.method = HTTPMethod(rawValue: method)
        for (name, value) in signedHeaders { request.headers.replaceOrAdd(name: name, value: value) }
        request.headers.replaceOrAdd(name: "authorization", value: authorization)
        if body.readableBytes > 0 || method == "PUT" || method == "POST" {
            request.headers.replaceOrAdd(name: "content-length", value: String(body.readableBytes))
            request.body = .bytes(body)
        }
        return request
    }

    private func execute(_ request: HTTPClientRequest) async throws -> HTTPClientResponse {
        do {
            return try await client.execute(request, timeout: .seconds(300))
        } catch {
            throw ArtifactStorageError(
                "S3 \(request.method.rawValue) to \(location.endpoint.absoluteString) failed: \(error)")
        }
    }

    private func collect(_ response: HTTPClientResponse) async throws -> ByteBuffer {
        do {
            return try await response.body.collect(upTo: 1 << 20)
        } catch {
            throw ArtifactStorageError("S3: reading the response failed: \(error)")
        }
    }

    private func failure(_ response: HTTPClientResponse, _ method: String) async throws -> ArtifactStorageError {
        let document = (try? await response.body.collect(upTo: 1 << 20)) ?? ByteBuffer()
        return ArtifactStorageError(
            "S3 \(method) answered \(response.status.code): \(S3XMLAnswer(document).summary)")
    }

    /// Reads chunks into `part` until it holds ``partSize`` bytes; returns whether the body ended.
    private func fill<Chunks: AsyncIteratorProtocol>(
        _ part: inout ByteBuffer, from chunks: inout Chunks
    ) async throws
        -> Bool where Chunks.Element == ByteBuffer
    {
        while part.readableBytes < partSize {
            guard var chunk = try await chunks.next() else { return true }
            part.writeBuffer(&chunk)
        }
        return false
    }
}
