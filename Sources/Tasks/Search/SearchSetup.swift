import TaskRuntime

extension SearchConfiguration {
    /// Sets up the `search` task in `setup`: its ``SearchService`` (a ``BraveSearchProvider`` when
    /// `BRAVE_API_KEY` is set), its submission check (``admit(_:)``), its two allowlists shown by
    /// `GET /v1/limits`, its dedup key (the query
    /// compared without regard to case and spacing, the sources in any order), its reuse window
    /// (`SEARCH_CACHE_TTL_SECONDS`) and the rate of the shared `brave` rate limit.
    public func install(into setup: inout TaskSetup) {
        let providers: [any SearchProvider] =
            braveAPIKey.map { [BraveSearchProvider(apiKey: $0, baseURL: braveBaseURL)] } ?? []
        setup.services.provide(
            SearchService(providers: providers, domainAllowlist: domainAllowlist, defaultMaxResults: defaultMaxResults))
        let configured = Set(providers.map(\.source))
        setup.admit(Search.definition) { (input: Search.Input) throws(SubmissionRefusal) in
            try admit(input, configuredSources: configured)
        }
        setup.dedupKey(Search.definition) { (input: Search.Input) in
            var key = input
            key.query = SearchQuery.keyed(input.query)
            key.sources = input.sources.sorted { $0.rawValue < $1.rawValue }
            key.maxResults = input.maxResults ?? defaultMaxResults
            return key
        }
        setup.showLimit("source_allowlist", of: Search.definition, .array(sourceAllowlist.map(JSONValue.string)))
        setup.showLimit(
            "fetch_domain_allowlist", of: Search.definition,
            domainAllowlist.domains.isEmpty ? .null : .array(domainAllowlist.domains.map(JSONValue.string)))
        setup.reuseResults(of: Search.definition, for: cacheTTL)
        setup.limitRate(of: Search.definition, perSecond: braveRequestsPerSecond)
    }

    /// The input to store for a submission, or why it is refused: every source must be in
    /// `SEARCH_SOURCE_ALLOWLIST` (`422 task_rejected_invalid_params`, pointing at it) and have its
    /// provider configured in this process (`503 provider_not_configured`). The stored query has
    /// its spacing normalised, `max_results` defaults to `SEARCH_MAX_RESULTS`, `country` is
    /// uppercased and `search_lang` lowercased, as Brave writes them.
    func admit(_ input: Search.Input, configuredSources: Set<String>) throws(SubmissionRefusal) -> Search.Input {
        let refused = input.sources.enumerated().filter { !sourceAllowlist.contains($0.element.rawValue) }
        guard refused.isEmpty else {
            throw .invalidParameters(
                refused.map { index, source in
                    Violation(
                        pointer: "/sources/\(index)", code: "not_allowed",
                        message:
                            "source '\(source.rawValue)' is not in SEARCH_SOURCE_ALLOWLIST (\(sourceAllowlist.joined(separator: ", ")))"
                    )
                })
        }
        if let missing = input.sources.first(where: { !configuredSources.contains($0.rawValue) }) {
            throw .unavailable(
                .providerNotConfigured,
                "search source '\(missing.rawValue)' is not configured on this server: set BRAVE_API_KEY and restart it"
            )
        }
        var admitted = input
        admitted.query = SearchQuery.sent(input.query)
        admitted.maxResults = input.maxResults ?? defaultMaxResults
        admitted.country = input.country?.uppercased()
        admitted.searchLang = input.searchLang?.lowercased()
        return admitted
    }
}
