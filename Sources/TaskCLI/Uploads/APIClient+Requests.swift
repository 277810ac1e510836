import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import TaskRuntime

extension APIClient {
    /// A request to `target`, a path on the server or an absolute URL it handed out, carrying the token.
    func request(_ method: HTTPMethod, _ target: String) -> HTTPClientRequest {
        let url =
            target.hasPrefix("http://") || target.hasPrefix("https://") ? target : baseURL.trimmingSuffix("/") + target
        var request = HTTPClientRequest(url: url)
        request.method = method
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        return request
    }

    /// Sends `request`, with a message that says what to check when the server cannot be reached.
    func execute(_ request: HTTPClientRequest, timeout: TimeAmount = .seconds(120)) async throws -> HTTPClientResponse {
        do {
            return try await HTTPClient.shared.execute(request, timeout: timeout)
        } catch {
            throw CLIError(
                "cannot reach the server at \(baseURL): \(error). Is `taskforge serve` running? (--server, TASKFORGE_URL)"
            )
        }
    }
}

extension CLIError {
    /// From an unexpected answer while `doing` something: its problem document when it has one.
    init(response: HTTPClientResponse, doing: String) async throws {
        let bytes = try await response.body.collect(upTo: 1 << 20)
        let problem = try? JSONValue(json: Data(bytes.readableBytesView))
        let status = Int(response.status.code)
        self.init(problem: problem, status: status)
        if problem?["detail"] == nil { self = CLIError("\(doing) failed: the server answered \(status)") }
    }
}
