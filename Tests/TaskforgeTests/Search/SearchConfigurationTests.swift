import Tasks
import Testing

/// The `search` task's settings as read from the environment at process start.
@Suite("Search configuration")
struct SearchConfigurationTests {
    @Test func defaultsApplyWhenNothingIsSet() throws {
        let configuration = try SearchConfiguration(environment: [:])
        #expect(configuration.braveAPIKey == nil)
        #expect(configuration.braveBaseURL == "https://api.search.brave.com")
        #expect(configuration.braveRequestsPerSecond == 1)
        #expect(configuration.cacheTTL == .seconds(3600))
        #expect(configuration.defaultMaxResults == 10)
        #expect(configuration.sourceAllowlist == ["brave"])
        #expect(configuration.domainAllowlist == .any)
    }

    @Test func listsAreCommaSeparatedAndDomainsAllowTheirSubdomains() throws {
        let configuration = try SearchConfiguration(environment: [
            "BRAVE_API_KEY": " key ", "SEARCH_SOURCE_ALLOWLIST": " brave , ",
            "FETCH_DOMAIN_ALLOWLIST": "Swift.org, .example.com",
        ])
        #expect(configuration.braveAPIKey == "key")
        #expect(configuration.sourceAllowlist == ["brave"])
        #expect(configuration.domainAllowlist.domains == ["swift.org", "example.com"])
        #expect(configuration.domainAllowlist.allows(host: "forums.swift.org"))
        #expect(configuration.domainAllowlist.allows(host: "EXAMPLE.com"))
        #expect(!configuration.domainAllowlist.allows(host: "notswift.org"))
    }

    @Test(arguments: [
        ("SEARCH_MAX_RESULTS", "21", "SEARCH_MAX_RESULTS must be a whole number from 1 to 20, found '21'"),
        (
            "SEARCH_CACHE_TTL_SECONDS", "-1",
            "SEARCH_CACHE_TTL_SECONDS must be a whole number of seconds, 0 or more, found '-1'"
        ),
        ("BRAVE_REQUESTS_PER_SECOND", "0", "BRAVE_REQUESTS_PER_SECOND must be a positive number, found '0'"),
        (
            "BRAVE_BASE_URL", "api.search.brave.com",
            "BRAVE_BASE_URL must be an http or https URL, found 'api.search.brave.com'"
        ),
        (
            "SEARCH_SOURCE_ALLOWLIST", "brave,bing",
            "SEARCH_SOURCE_ALLOWLIST names 'bing', which is not a search source; known: brave"
        ),
    ])
    func aMalformedSettingIsReportedByName(variable: String, value: String, message: String) {
        let error = #expect(throws: ConfigurationError.self) { try SearchConfiguration(environment: [variable: value]) }
        #expect(error?.description == message)
    }
}
