import Foundation
import HTTPTypes
import Hummingbird
import TaskRuntime

extension Response {
    /// A JSON response (canonical: sorted keys, compact).
    public static func json(
        _ value: JSONValue, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]
    ) -> Response {
        var headers = headers
        headers[.contentType] = "application/json"
        let data = (try? value.canonicalData()) ?? Data("null".utf8)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(data: data)))
    }
}

extension Request {
    /// The body parsed as JSON, at most `limit` bytes: `413 body_too_large` past it, `400 invalid_json`
    /// when it is not well-formed. The `Content-Type` is not required: `curl -d` sends its own.
    public mutating func jsonBody(limit: Int) async throws -> JSONValue {
        let buffer = try await collectBody(upTo: limit)
        guard buffer.readableBytes > 0 else {
            throw Problem(.badRequest, .invalidJSON, "the request body is empty; send a JSON object")
        }
        do {
            return try JSONValue(json: Data(buffer: buffer))
        } catch {
            throw Problem(.badRequest, .invalidJSON, "the request body is not valid JSON: \(error)")
        }
    }
}
