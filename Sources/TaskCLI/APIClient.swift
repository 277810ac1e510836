import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import TaskRuntime

/// A small client of the Taskforge HTTP API for the command line.
struct APIClient: Sendable {
    let baseURL: String
    /// The API token, when the server requires one.
    var token: String?

    /// `query`: the submit options (`version`, `priority`, `delay`, `run_at`) that are given.
    func submit(
        task: String, query: [(name: String, value: String)], input: JSONValue, idempotencyKey: String? = nil
    ) async throws -> RemoteJob {
        let headers = idempotencyKey.map { [("Idempotency-Key", $0)] } ?? []
        return RemoteJob(
            try await send(.POST, "/v1/tasks/\(task)" + Self.queryString(query), body: input, headers: headers))
    }

    /// `POST /v1/jobs:batch` with `items`.
    func submitBatch(_ items: [JSONValue]) async throws -> JSONValue {
        try await send(.POST, "/v1/jobs:batch", body: ["jobs": .array(items)])
    }

    /// `GET /v1/dedup/{task}` with the key fields (`name=value`, values as the server reads them).
    func dedup(task: String, fields: [(name: String, value: String)]) async throws -> JSONValue {
        try await send(.GET, "/v1/dedup/\(task)" + Self.queryString(fields))
    }

    private static func queryString(_ parameters: [(name: String, value: String)]) -> String {
        let text = parameters.map { "\($0.name.urlQueryEncoded)=\($0.value.urlQueryEncoded)" }.joined(separator: "&")
        return text.isEmpty ? "" : "?" + text
    }

    func job(id: String) async throws -> RemoteJob {
        RemoteJob(try await send(.GET, "/v1/jobs/\(id)"))
    }

    func jobs(task: String?, state: String?, limit: Int?) async throws -> JSONValue {
        var query: [String] = []
        if let task { query.append("task=\(task.urlQueryEncoded)") }
        if let state { query.append("status=\(state.urlQueryEncoded)") }
        if let limit { query.append("limit=\(limit)") }
        return try await send(.GET, "/v1/jobs" + (query.isEmpty ? "" : "?" + query.joined(separator: "&")))
    }

    func queues() async throws -> JSONValue {
        try await send(.GET, "/v1/queues")
    }

    /// `POST /v1/queues/{name}/pause`: the queue's status, paused.
    func pauseQueue(_ name: String) async throws -> JSONValue {
        try await send(.POST, "/v1/queues/\(name.urlPathSegmentEncoded)/pause")
    }

    /// `POST /v1/queues/{name}/resume`: the queue's status, resumed.
    func resumeQueue(_ name: String) async throws -> JSONValue {
        try await send(.POST, "/v1/queues/\(name.urlPathSegmentEncoded)/resume")
    }

    func cancel(id: String) async throws -> RemoteJob {
        RemoteJob(try await send(.POST, "/v1/jobs/\(id)/cancel"))
    }

    func retry(id: String) async throws -> RemoteJob {
        RemoteJob(try await send(.POST, "/v1/jobs/\(id)/retry"))
    }

    private func send(
        _ method: HTTPMethod, _ path: String, body: JSONValue? = nil, headers: [(String, String)] = []
    ) async throws -> JSONValue {
        var request = HTTPClientRequest(url: baseURL.trimmingSuffix("/") + path)
        request.method = method
        request.headers.add(name: "Accept", value: "application/json")
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        request.headers.add(contentsOf: headers)
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: try body.canonicalData()))
        }
        let response: HTTPClientResponse
        do {
            response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        } catch {
            throw CLIError(
                "cannot reach the server at \(baseURL): \(error). Is `taskforge serve` running? (--server, TASKFORGE_URL)"
            )
        }
        let bytes = try await response.body.collect(upTo: 64 << 20)
        let json = try? JSONValue(json: Data(bytes.readableBytesView))
        guard (200..<300).contains(Int(response.status.code)) else {
            throw CLIError(problem: json, status: Int(response.status.code))
        }
        guard let json else { throw CLIError("the server answered with something that is not JSON") }
        return json
    }
}

/// A job as the server returned it.
struct RemoteJob: Sendable {
    let json: JSONValue

    init(_ json: JSONValue) { self.json = json }

    var idString: String { json["id"]?.stringValue ?? "?" }
    var state: String { json["state"]?.stringValue ?? "?" }
    var stage: String? { json["stage"]?.stringValue }
    var progress: Double { json["progress"]?.doubleValue ?? 0 }
    var isFinished: Bool { ["succeeded", "failed", "cancelled", "quarantined"].contains(state) }
    var summary: String {
        "\(json["task"]?.stringValue ?? "?") v\(json["version"]?.doubleValue.map { Int($0) } ?? 0), \(state)"
    }
    var prettyString: String { json.prettyString }
    /// What a submit did: the server created the job, or answered with an existing one because the
    /// task declares `dedup`.
    var submission: String {
        if json["deduplicated"] == true { return "deduplicated: job \(idString) was already submitted" }
        if json["reused"] == true { return "reused job \(idString), which already succeeded" }
        return "submitted job \(idString)"
    }
}

/// An error the command line reports in one message and a non-zero exit.
struct CLIError: Error, CustomStringConvertible {
    let description: String

    init(_ message: String) { description = message }

    /// From a problem+json answer: the detail, the code and each violation.
    init(problem: JSONValue?, status: Int) {
        guard let problem, let detail = problem["detail"]?.stringValue else {
            description = "the server answered \(status)"
            return
        }
        var lines = ["\(detail) (\(problem["code"]?.stringValue ?? "HTTP \(status)"))"]
        for violation in problem["violations"]?.arrayValue ?? [] {
            lines.append("  \(violation["pointer"]?.stringValue ?? ""): \(violation["message"]?.stringValue ?? "")")
        }
        // `batch_invalid`: each failing item, by its index in the batch.
        for item in problem["items"]?.arrayValue ?? [] {
            let index = item["index"]?.doubleValue.map { String(Int($0)) } ?? "?"
            lines.append("  item \(index): \(item["detail"]?.stringValue ?? "") (\(item["code"]?.stringValue ?? ""))")
            for violation in item["violations"]?.arrayValue ?? [] {
                lines.append(
                    "    \(violation["pointer"]?.stringValue ?? ""): \(violation["message"]?.stringValue ?? "")")
            }
        }
        description = lines.joined(separator: "\n")
    }
}

extension JSONValue {
    /// Indented, keys sorted: for people.
    var prettyString: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? String(decoding: encoder.encode(self), as: UTF8.self)) ?? canonicalString()
    }
}

extension String {
    func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }

    fileprivate var urlQueryEncoded: String {
        addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed.subtracting(["&", "=", "+"])) ?? self
    }

    /// This text as one path segment (a `/` in it is escaped).
    fileprivate var urlPathSegmentEncoded: String {
        addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/"])) ?? self
    }
}
