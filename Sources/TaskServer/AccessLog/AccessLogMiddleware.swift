import HTTPTypes
import Hummingbird
import Logging
import TaskRuntime

/// Writes one structured log line per request (message `request`): `requestId`, `method`, `route`
/// (the route's pattern, such as `/v1/jobs/{id}`, never the raw path), `status`, `durationMs`
/// (until the response's head; a streamed body runs on), and, when known, `tokenId` (the API
/// token's id, never its secret), `jobId`, `taskName` and `taskVersion`, and `code`, the stable error
/// code of a refused request (``RequestRecord``): every refusal, a limit's included, is a log event
/// with its code.
///
/// The request id is the incoming `X-Request-Id` when it is valid (1 to 128 letters, digits and
/// `-_.:`), else one generated; every log line of the request carries it, the response echoes it
/// in `X-Request-Id`, and problem documents in `request_id`.
struct AccessLogMiddleware: RouterMiddleware {
    typealias Context = TaskRequestContext

    static let requestIDField = HTTPField.Name("X-Request-Id")!

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let started = ContinuousClock.now
        var context = context
        if let incoming = request.headers[Self.requestIDField], Self.isValidRequestID(incoming) {
            context.logger[metadataKey: "hb.request.id"] = .string(incoming)
        }
        let requestID = context.id
        var response = try await next(request, context)
        response.headers[Self.requestIDField] = requestID
        var metadata: Logger.Metadata = [
            "requestId": .string(requestID), "method": .string(request.method.rawValue),
            "route": .string(context.endpointPath ?? "unmatched"), "status": .stringConvertible(response.status.code),
            "durationMs": .stringConvertible(((ContinuousClock.now - started).seconds * 100_000).rounded() / 100),
        ]
        for (key, value) in context.record.metadata { metadata[key] = .string(value) }
        context.logger.info("request", metadata: metadata)
        return response
    }

    static func isValidRequestID(_ text: String) -> Bool {
        (1...128).contains(text.utf8.count)
            && text.utf8.allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                    || byte == 0x2D || byte == 0x5F || byte == 0x2E || byte == 0x3A
            }
    }
}
