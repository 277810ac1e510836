import AsyncHTTPClient
import Foundation
import NIOCore
import TaskforgeTestSupport

/// A browser as far as the dashboard's server side can tell: it keeps the session cookie, does not
/// follow redirects (the tests look at them), and posts forms. Real browsers are in Tests/Browser.
final class BrowserSession: @unchecked Sendable {
    struct Page {
        var status: Int
        var headers: [String: String]
        var body: String

        /// The value of the first `<input name="csrf">` on the page.
        var csrfToken: String? {
            guard let range = body.range(of: #"name="csrf" value="([^"]*)""#, options: .regularExpression) else {
                return nil
            }
            return String(body[range].split(separator: "\"")[3])
        }
    }

    let baseURL: String
    /// One client for every session, never shut down (as `HTTPClient.shared`), that leaves redirects to the test.
    private static let client = HTTPClient(
        eventLoopGroupProvider: .singleton, configuration: .init(redirectConfiguration: .disallow))
    private(set) var cookie: String?

    init(_ server: some APIEndpoint) {
        baseURL = server.baseURL
    }

    func get(_ path: String) async throws -> Page {
        try await send("GET", path, body: nil)
    }

    /// Posts `fields` as `application/x-www-form-urlencoded`.
    func post(_ path: String, _ fields: [(String, String)]) async throws -> Page {
        let body = fields.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }
        return try await send("POST", path, body: body.joined(separator: "&"))
    }

    /// Opens a streaming response (a live stream): the answer once its head arrived, its body still coming.
    func open(_ path: String) async throws -> HTTPClientResponse {
        var request = HTTPClientRequest(url: baseURL + path)
        if let cookie { request.headers.add(name: "Cookie", value: cookie) }
        return try await Self.client.execute(request, timeout: .seconds(30))
    }

    private func send(_ method: String, _ path: String, body: String?) async throws -> Page {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = .init(rawValue: method)
        if let cookie { request.headers.add(name: "Cookie", value: cookie) }
        if let body {
            request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
            request.body = .bytes(ByteBuffer(string: body))
        }
        let response = try await Self.client.execute(request, timeout: .seconds(30))
        let bytes = try await response.body.collect(upTo: 16 << 20)
        var headers: [String: String] = [:]
        for header in response.headers { headers[header.name.lowercased()] = header.value }
        if let setCookie = response.headers["Set-Cookie"].first(where: { $0.hasPrefix("taskforge_session=") }) {
            cookie = String(setCookie.split(separator: ";")[0])
        }
        return Page(status: Int(response.status.code), headers: headers, body: String(buffer: bytes))
    }
}

/// Reads a live stream's events as they come, skipping its `retry:` field and comment lines.
struct EventReader {
    private var chunks: HTTPClientResponse.Body.AsyncIterator
    private var buffered = ""

    init(_ response: HTTPClientResponse) {
        chunks = response.body.makeAsyncIterator()
    }

    /// The next event's name and data (its `data:` lines joined), or `nil` when the stream ended.
    mutating func next() async throws -> (name: String, data: String)? {
        while true {
            while let end = buffered.range(of: "\n\n") {
                let block = buffered[..<end.lowerBound].split(separator: "\n", omittingEmptySubsequences: false)
                buffered.removeSubrange(..<end.upperBound)
                guard let name = block.first(where: { $0.hasPrefix("event: ") })?.dropFirst(7) else { continue }
                let data = block.filter { $0.hasPrefix("data: ") }.map { $0.dropFirst(6) }.joined(separator: "\n")
                return (String(name), data)
            }
            guard let chunk = try await chunks.next() else { return nil }
            buffered += String(buffer: chunk)
        }
    }

    /// Whatever is left of the stream once it ends.
    mutating func rest() async throws -> String {
        while let chunk = try await chunks.next() { buffered += String(buffer: chunk) }
        return buffered
    }
}
