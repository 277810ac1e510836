import Foundation
import TaskRuntime

extension Handlers {
    /// Asks each of the input's sources, in order, for `max_results` results, and returns them with
    /// normalised URLs, without duplicates and without domains outside `FETCH_DOMAIN_ALLOWLIST`, ranked
    /// from 1. Provider failures are ``TaskError``s (see ``BraveSearchProvider``).
    static func search(_ input: Search.Input, _ job: JobContext) async throws -> Search.Output {
        let service = try job.services.require(SearchService.self)
        let request = SearchRequest(
            query: SearchQuery.sent(input.query), count: input.maxResults ?? service.defaultMaxResults,
            recencyDays: input.recencyDays, country: input.country, searchLanguage: input.searchLang,
            safeSearch: input.safesearch?.rawValue)
        var results: [SearchResult] = []
        var seen: Set<URL> = []
        var more = false
        for source in input.sources {
            guard let provider = service.providers[source.rawValue] else {
                throw TaskError.permanent(
                    .providerNotConfigured,
                    "search source '\(source.rawValue)' is not configured on this worker: set BRAVE_API_KEY")
            }
            let page = try await provider.search(request)
            more = more || page.moreResultsAvailable
            for found in page.results {
                guard let url = ResultURL.normalised(found.url), let host = url.host,
                    service.domainAllowlist.allows(host: host), seen.insert(url).inserted
                else { continue }
                results.append(
                    SearchResult(
                        title: found.title, url: url.absoluteString, description: found.description,
                        source: source.rawValue,
                        publishedAt: found.publishedAt.map { $0.formatted(.iso8601) }, rank: results.count + 1))
            }
        }
        job.logger.info(
            "search answered", metadata: ["sources": "\(input.sources.map(\.rawValue))", "results": "\(results.count)"])
        return Search.Output(
            results: results, total: results.count, moreResultsAvailable: more, fetchedAt: Date().formatted(.iso8601))
    }
}
