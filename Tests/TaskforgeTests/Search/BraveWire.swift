import Foundation
import TaskRuntime

/// Bodies in the Brave Search API's documented wire format, for ``BraveStandIn``.
enum BraveWire {
    /// One web result as Brave lists it.
    struct Result {
        var title: String
        var url: String
        var description: String
        var pageAge: String?
    }

    /// A `"type": "search"` answer for `query` with `results` under `web` (no `web` when empty).
    static func searchPage(query: String, results: [Result], moreResultsAvailable: Bool = false) -> String {
        var body: [String: JSONValue] = [
            "type": "search",
            "query": [
                "original": .string(query), "show_strict_warning": false, "is_navigational": false,
                "is_news_breaking": false, "spellcheck_off": true, "country": "us", "bad_results": false,
                "should_fallback": false, "postal_code": "", "city": "", "header_country": "", "state": "",
                "more_results_available": .bool(moreResultsAvailable),
            ],
            "mixed": ["type": "mixed", "main": [], "top": [], "side": []],
        ]
        if !results.isEmpty {
            body["web"] = [
                "type": "search", "family_friendly": true,
                "results": .array(
                    results.map { result in
                        var item: [String: JSONValue] = [
                            "type": "search_result", "title": .string(result.title), "url": .string(result.url),
                            "description": .string(result.description), "is_source_local": false,
                            "is_source_both": false,
                            "language": "en", "family_friendly": true,
                            "meta_url": [
                                "scheme": "https", "netloc": .string(URL(string: result.url)?.host ?? ""), "path": "",
                            ],
                        ]
                        if let age = result.pageAge {
                            item["page_age"] = .string(age)
                            item["age"] = "2 days ago"
                        }
                        return .object(item)
                    }),
            ]
        }
        return JSONValue.object(body).canonicalString()
    }

    /// An `ErrorResponse` body: `{"type": "ErrorResponse", "error": {id, status, code, detail, meta}, "time"}`.
    static func error(status: Int, code: String, detail: String) -> String {
        JSONValue.object([
            "type": "ErrorResponse",
            "error": [
                "id": "c5f6bd34-6b6a-4c6b-9a0e-4b7c2f4d7e21", "status": .integer(status), "code": .string(code),
                "detail": .string(detail),
                "meta": ["plan": "Free", "rate_limit": 1, "rate_current": 2, "quota_limit": 2000, "quota_current": 42],
            ],
            "time": 1_764_745_200,
        ]).canonicalString()
    }

    /// The rate-limit headers of a 429 for a plan of 1 request a second and 15,000 a month.
    static func rateLimitHeaders(remaining: String, reset: String) -> [String: String] {
        [
            "X-RateLimit-Limit": "1, 15000", "X-RateLimit-Policy": "1;w=1, 15000;w=2592000",
            "X-RateLimit-Remaining": remaining, "X-RateLimit-Reset": reset,
        ]
    }
}
