import Foundation

/// The `search` task's settings, read once at process start from the environment:
///
/// | variable | default | meaning |
/// |---|---|---|
/// | `BRAVE_API_KEY` | none | the Brave Search API subscription token; without it submissions naming `brave` answer `503 provider_not_configured` |
/// | `BRAVE_BASE_URL` | `https://api.search.brave.com` | the API's origin (a proxy, a test stand-in) |
/// | `BRAVE_REQUESTS_PER_SECOND` | `1` | the plan's rate, shared by every worker (the `brave` rate limit) |
/// | `SEARCH_CACHE_TTL_SECONDS` | `3600` | how long an identical search gets the earlier result back; 0: never |
/// | `SEARCH_MAX_RESULTS` | `10` | `max_results` when a submission leaves it out (1 to 20) |
/// | `SEARCH_SOURCE_ALLOWLIST` | `brave` | the `sources` a submission may name, comma-separated |
/// | `FETCH_DOMAIN_ALLOWLIST` | empty: any | the domains (with their subdomains) whose results are kept, comma-separated |
public struct SearchConfiguration: Sendable, Hashable {
    public var braveAPIKey: String?
    public var braveBaseURL: String
    public var braveRequestsPerSecond: Double
    public var cacheTTL: Duration
    public var defaultMaxResults: Int
    public var sourceAllowlist: [String]
    public var domainAllowlist: DomainAllowlist

    /// The sources a submission can name (the `sources` enum of `tasks.yaml`).
    public static let knownSources = ["brave"]

    /// Reads the variables of the table above from `environment`; throws naming the first malformed one.
    public init(environment: [String: String]) throws(ConfigurationError) {
        func value(_ name: String) -> String? {
            environment[name].map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        func list(_ name: String) -> [String]? {
            environment[name].map {
                $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            }
        }
        braveAPIKey = value("BRAVE_API_KEY")
        braveBaseURL = value("BRAVE_BASE_URL") ?? "https://api.search.brave.com"
        guard let base = URL(string: braveBaseURL), ["http", "https"].contains(base.scheme ?? ""), base.host != nil
        else {
            throw ConfigurationError(
                variable: "BRAVE_BASE_URL", "must be an http or https URL, found '\(braveBaseURL)'")
        }
        let rate = value("BRAVE_REQUESTS_PER_SECOND") ?? "1"
        guard let perSecond = Double(rate), perSecond > 0, perSecond.isFinite else {
            throw ConfigurationError(
                variable: "BRAVE_REQUESTS_PER_SECOND", "must be a positive number, found '\(rate)'")
        }
        braveRequestsPerSecond = perSecond
        let ttl = value("SEARCH_CACHE_TTL_SECONDS") ?? "3600"
        guard let seconds = Int(ttl), seconds >= 0 else {
            throw ConfigurationError(
                variable: "SEARCH_CACHE_TTL_SECONDS", "must be a whole number of seconds, 0 or more, found '\(ttl)'")
        }
        cacheTTL = .seconds(seconds)
        let count = value("SEARCH_MAX_RESULTS") ?? "10"
        guard let maxResults = Int(count), (1...20).contains(maxResults) else {
            throw ConfigurationError(
                variable: "SEARCH_MAX_RESULTS", "must be a whole number from 1 to 20, found '\(count)'")
        }
        defaultMaxResults = maxResults
        sourceAllowlist = list("SEARCH_SOURCE_ALLOWLIST") ?? ["brave"]
        if let unknown = sourceAllowlist.first(where: { !Self.knownSources.contains($0) }) {
            throw ConfigurationError(
                variable: "SEARCH_SOURCE_ALLOWLIST",
                "names '\(unknown)', which is not a search source; known: \(Self.knownSources.joined(separator: ", "))")
        }
        domainAllowlist = DomainAllowlist(domains: list("FETCH_DOMAIN_ALLOWLIST") ?? [])
    }
}
