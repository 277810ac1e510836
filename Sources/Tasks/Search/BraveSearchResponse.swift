import Foundation

/// The parts of a Brave Web Search answer (`GET /res/v1/web/search`, `"type": "search"`) the
/// `search` task reads; Brave sends many more, which are ignored.
struct BraveSearchResponse: Decodable {
    struct Query: Decodable {
        var moreResultsAvailable: Bool?

        enum CodingKeys: String, CodingKey {
            case moreResultsAvailable = "more_results_available"
        }
    }

    struct Web: Decodable {
        var results: [Result]
    }

    struct Result: Decodable {
        var title: String
        var url: String
        var description: String?
        /// When the page was published or changed: `2024-05-01T12:00:00`, without a zone (UTC).
        var pageAge: String?

        enum CodingKeys: String, CodingKey {
            case title, url, description
            case pageAge = "page_age"
        }
    }

    var type: String
    var query: Query?
    /// Absent when nothing was found.
    var web: Web?
}
