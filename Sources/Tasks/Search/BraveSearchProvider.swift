import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import TaskRuntime

/// The Brave Search API's web search (`GET {base}/res/v1/web/search`) as a ``SearchProvider``.
///
/// Sends `q`, `count`, `freshness` (``BraveFreshness``), `country`, `search_lang` and `safesearch`
/// with the headers `X-Subscription-Token`, `Accept: application/json` and
/// `Accept-Encoding: gzip` (gzip answers are decompressed by the client). Answers are classified:
/// 429 (`RATE_LIMITED`) is transient `upstream_rate_limited`, retried after the reset the headers
/// give (``ProviderWait``), unless only a long window (a month's quota) is spent, which is permanent
/// `upstream_quota_exhausted`; 5xx and network errors are transient `upstream_unavailable`; no answer
/// within ``requestTimeout`` is transient `upstream_timeout`; 401 and 403
/// (`SUBSCRIPTION_TOKEN_INVALID`) are permanent `upstream_auth_failed`; 422 and other 4xx are
/// permanent `upstream_rejected`; a 200 whose body is not Brave's search JSON is permanent
/// `upstream_bad_response`. The API key never appears in errors or logs.
public struct BraveSearchProvider: SearchProvider {
    public let source = "brave"
    /// The API's origin, such as `https://api.search.brave.com` (`BRAVE_BASE_URL`), without a trailing slash.
    public let baseURL: String
    private let apiKey: String
    private let client: HTTPClient
    /// The longest wait for one answer, connecting included.
    public let requestTimeout: Duration
    private let now: @Sendable () -> Date

    /// The longest rate-limit reset still worth waiting for; a longer one means the plan's quota is spent.
    static let longestWait: Double = 3600
    /// The largest answer read.
    static let maxBodyBytes = 8 << 20

    public init(
        apiKey: String, baseURL: String = "https://api.search.brave.com", client: HTTPClient = .shared,
        requestTimeout: Duration = .seconds(10), now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.apiKey = apiKey
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.client = client
        self.requestTimeout = requestTimeout
        self.now = now
    }

    public func search(_ request: SearchRequest) async throws -> SearchPage {
        let response: HTTPClientResponse
        let body: ByteBuffer
        do {
            response = try await client.execute(httpRequest(for: request), timeout: .init(requestTimeout))
            body = try await response.body.collect(upTo: Self.maxBodyBytes)
        } catch let error as HTTPClientError where [.deadlineExceeded, .readTimeout, .connectTimeout].contains(error) {
            throw TaskError.transient(
                .upstreamTimeout, "Brave Search did not answer within \(requestTimeout.compactDescription)")
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw TaskError.transient(.upstreamUnavailable, "Brave Search could not be reached: \(error)")
        }
        let data = Data(body.readableBytesView)
        guard response.status == .ok else { throw failure(response, body: data) }
        let decoded: BraveSearchResponse
        do {
            decoded = try JSONDecoder().decode(BraveSearchResponse.self, from: data)
        } catch {
            throw TaskError.permanent(
                .upstreamBadResponse, "Brave Search answered 200 with a body that is not its search JSON: \(error)")
        }
        guard decoded.type == "search" else {
            throw TaskError.permanent(
                .upstreamBadResponse, "Brave Search answered 200 with type '\(decoded.type)' instead of 'search'")
        }
        return SearchPage(
            results: (decoded.web?.results ?? []).map { result in
                ProviderResult(
                    title: result.title, url: result.url, description: result.description ?? "",
                    publishedAt: result.pageAge.flatMap(Self.date))
            },
            moreResultsAvailable: decoded.query?.moreResultsAvailable ?? false)
    }

    /// The request for `search`: path, parameters and headers as Brave documents them.
    func httpRequest(for search: SearchRequest) -> HTTPClientRequest {
        var parameters = URLComponents()
        var items = [
            URLQueryItem(name: "q", value: search.query), URLQueryItem(name: "count", value: "\(search.count)"),
        ]
        if let days = search.recencyDays {
            items.append(URLQueryItem(name: "freshness", value: BraveFreshness.parameter(days: days, today: now())))
        }
        if let country = search.country { items.append(URLQueryItem(name: "country", value: country)) }
        if let language = search.searchLanguage { items.append(URLQueryItem(name: "search_lang", value: language)) }
        if let safeSearch = search.safeSearch { items.append(URLQueryItem(name: "safesearch", value: safeSearch)) }
        parameters.queryItems = items
        // `+` is a space in a query string; URLComponents leaves it as it is.
        let query = (parameters.percentEncodedQuery ?? "").replacingOccurrences(of: "+", with: "%2B")
        var request = HTTPClientRequest(url: "\(baseURL)/res/v1/web/search?\(query)")
        request.method = .GET
        request.headers.add(name: "Accept", value: "application/json")
        request.headers.add(name: "Accept-Encoding", value: "gzip")
        request.headers.add(name: "X-Subscription-Token", value: apiKey)
        return request
    }

    /// The error for an answer other than 200.
    private func failure(_ response: HTTPClientResponse, body: Data) -> TaskError {
        let status = Int(response.status.code)
        let brave = try? JSONDecoder().decode(BraveErrorResponse.self, from: body)
        let said = [brave?.error.code, brave?.error.detail].compactMap { $0 }.joined(separator: ": ")
        let message = "Brave Search answered \(status)" + (said.isEmpty ? "" : " (\(said))")
        var details: [String: JSONValue] = ["status": .integer(status)]
        if let code = brave?.error.code { details["provider_code"] = .string(code) }
        let wait = ProviderWait(
            retryAfter: response.headers.first(name: "Retry-After"),
            rateLimitRemaining: response.headers.first(name: "X-RateLimit-Remaining"),
            rateLimitReset: response.headers.first(name: "X-RateLimit-Reset"), now: now()
        ).seconds
        if let wait { details["retry_after_seconds"] = JSONValue(number: wait) }
        switch status {
        case 401, 403:
            return .permanent(.upstreamAuthFailed, message + "; check BRAVE_API_KEY", details: .object(details))
        case 429 where (wait ?? 0) > Self.longestWait:
            return .permanent(
                .upstreamQuotaExhausted, message + "; the plan's quota resets in \(Int(wait ?? 0)) s",
                details: .object(details))
        case 429:
            return .transient(
                .upstreamRateLimited, message, details: .object(details), retryAfter: wait.map { .seconds($0) })
        case 500...599:
            return .transient(
                .upstreamUnavailable, message, details: .object(details),
                retryAfter: wait.map { .seconds(min($0, Self.longestWait)) })
        default:
            return .permanent(.upstreamRejected, message, details: .object(details))
        }
    }

    /// Brave's `page_age`: `2024-05-01T12:00:00` (UTC), possibly with a fraction or a zone.
    static func date(_ text: String) -> Date? {
        let zoned = text.range(of: #"(Z|[+-]\d{2}:?\d{2})$"#, options: .regularExpression) == nil ? text + "Z" : text
        return (try? Date.ISO8601FormatStyle().parse(zoned))
            ?? (try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(zoned))
    }
}
