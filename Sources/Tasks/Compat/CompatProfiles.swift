import Foundation
import HTTPTypes
import Hummingbird
import TaskRuntime
import TaskServer

/// The seed services' routes over Taskforge's own operations (docs/compat.md): one profile per
/// service whose clients must keep working by changing only the host.
public enum CompatProfiles {
    /// Every profile, in name order; `serve --no-compat <name>` leaves one out.
    public static let all: [any RouteProfile] = [
        Seed000Volcal(), Seed001InstaGeo(), Seed002AsyncProcessing(), Seed003TaskRunner(),
    ]
}

/// What the profiles share: reading path parameters, absolute links and OpenAPI fragments.
enum CompatSupport {
    /// The absolute URL of `path` on this server, as the client reached it (its `Host` header), so
    /// that a client given only the URL (a tus client) can use it.
    static func absoluteURL(_ path: String, _ request: Request) -> String {
        guard let host = request.head.authority else { return path }
        let scheme = request.headers[HTTPField.Name("X-Forwarded-Proto")!] == "https" ? "https" : "http"
        return "\(scheme)://\(host)\(path)"
    }

    /// The JSON body, or `{}` when there is none (a client that posts nothing to a route without input).
    static func optionalJSONBody(_ request: inout Request, limit: Int) async throws -> JSONValue {
        let buffer = try await request.collectBody(upTo: limit)
        guard buffer.readableBytes > 0 else { return [:] }
        request.body = .init(buffer: buffer)
        return try await request.jsonBody(limit: limit)
    }

    static func timestamp(_ date: Date?) -> JSONValue {
        date.map(TaskOperations.timestamp) ?? .null
    }

    // MARK: OpenAPI fragments

    /// An operation answering `schema` as JSON with `status`, plus the usual problems.
    static func operation(
        _ id: String, _ summary: String, status: String = "200", description: String = "The answer.",
        parameters: [JSONValue] = [], body: JSONValue? = nil, bodyRequired: Bool = true,
        problems: [String: String] = [:], public: Bool = false
    ) -> JSONValue {
        var responses: [String: JSONValue] = [
            status: [
                "description": .string(description), "content": ["application/json": ["schema": ["type": "object"]]],
            ],
            "default": ["$ref": "#/components/responses/UnexpectedError"],
        ]
        for (code, response) in problems { responses[code] = ["$ref": .string("#/components/responses/\(response)")] }
        if !`public` {
            responses["401"] = ["$ref": "#/components/responses/Unauthorized"]
            responses["403"] = ["$ref": "#/components/responses/Forbidden"]
        }
        var operation: [String: JSONValue] = [
            "operationId": .string(id), "summary": .string(summary), "responses": .object(responses),
        ]
        if !parameters.isEmpty { operation["parameters"] = .array(parameters) }
        if let body {
            operation["requestBody"] = [
                "required": .bool(bodyRequired), "content": ["application/json": ["schema": body]],
            ]
        }
        if `public` { operation["security"] = [] }
        return .object(operation)
    }

    /// A required string path parameter.
    static func pathParameter(_ name: String, _ description: String) -> JSONValue {
        [
            "name": .string(name), "in": "path", "required": true, "description": .string(description),
            "schema": ["type": "string"],
        ]
    }

    /// A non-empty string query parameter, matching `pattern` when given.
    static func queryParameter(
        _ name: String, _ description: String, required: Bool, pattern: String? = nil
    ) -> JSONValue {
        var schema: [String: JSONValue] = ["type": "string", "minLength": 1]
        if let pattern { schema["pattern"] = .string(pattern) }
        return [
            "name": .string(name), "in": "query", "required": .bool(required), "description": .string(description),
            "schema": .object(schema),
        ]
    }
}
