import Foundation
import HTTPTypes
import Hummingbird
import TaskRuntime

/// An error answered as `application/problem+json` (RFC 9457) carrying a stable ``ErrorCode``.
public struct Problem: Error, HTTPResponseError, Sendable {
    public var status: HTTPResponse.Status
    public var code: ErrorCode
    public var detail: String
    /// Extra members (`violations`, `job`, ...).
    public var extensions: [String: JSONValue]
    public var headers: HTTPFields

    public init(
        _ status: HTTPResponse.Status, _ code: ErrorCode, _ detail: String, extensions: [String: JSONValue] = [:],
        headers: HTTPFields = [:]
    ) {
        self.status = status
        self.code = code
        self.detail = detail
        self.extensions = extensions
        self.headers = headers
    }

    /// The problem document; `instance` is the request path.
    func document(instance: String?, requestID: String?) -> JSONValue {
        var members = extensions
        members["type"] = .string("urn:taskforge:error:\(code.rawValue)")
        members["title"] = .string(status.reasonPhrase)
        members["status"] = .integer(status.code)
        members["code"] = .string(code.rawValue)
        members["detail"] = .string(detail)
        if let instance { members["instance"] = .string(instance) }
        if let requestID { members["request_id"] = .string(requestID) }
        return .object(members)
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        response(instance: request.uri.path, requestID: context.id)
    }

    func response(instance: String?, requestID: String?) -> Response {
        var headers = self.headers
        headers[.contentType] = "application/problem+json"
        return Response(
            status: status, headers: headers,
            body: ResponseBody(
                byteBuffer: ByteBuffer(
                    data: (try? document(instance: instance, requestID: requestID).canonicalData()) ?? Data())))
    }
}

extension Problem {
    public static func invalidInput(_ violations: [Violation], detail: String? = nil) -> Problem {
        Problem(
            .unprocessableContent, .invalidInput,
            detail ?? "the input does not match the task's schema: \(violations.count) violation(s)",
            extensions: ["violations": .array(violations.map(\.json))])
    }

    /// `400 invalid_parameter`: query parameter `name` is malformed; `parameter` names it.
    public static func invalidParameter(_ name: String, _ reason: String) -> Problem {
        Problem(
            .badRequest, .invalidParameter, "query parameter '\(name)' \(reason)",
            extensions: ["parameter": .string(name)])
    }

    /// A task's refusal of parameters its schema accepted: `422` with `violations` by JSON pointer,
    /// or `503` when the task's provider is not configured in this process.
    static func refused(_ refusal: SubmissionRefusal) -> Problem {
        switch refusal.kind {
        case .invalidParameters:
            Problem(
                .unprocessableContent, refusal.code, "the task refused these parameters: \(refusal.message)",
                extensions: ["violations": .array(refusal.violations.map(\.json))])
        case .unavailable:
            Problem(.serviceUnavailable, refusal.code, refusal.message)
        }
    }

    public static func jobNotFound(_ id: String) -> Problem {
        Problem(.notFound, .jobNotFound, "no job with id '\(id)'")
    }

    static func taskNotFound(_ name: String, known: [String]) -> Problem {
        Problem(
            .notFound, .taskNotFound,
            "no task named '\(name)'; known tasks: \(known.joined(separator: ", "))")
    }
}

extension Violation {
    public var json: JSONValue {
        ["pointer": .string(pointer), "code": .string(code), "message": .string(message)]
    }
}
