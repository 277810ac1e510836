import TaskRuntime

/// What the `search` handler gets from its process (``JobContext/services``): the configured
/// providers by source, and the domains results may come from.
public struct SearchService: Sendable {
    /// The providers with credentials in this process, by source name (`brave`).
    public var providers: [String: any SearchProvider]
    public var domainAllowlist: DomainAllowlist
    /// `max_results` for inputs that lack it.
    public var defaultMaxResults: Int

    public init(providers: [any SearchProvider], domainAllowlist: DomainAllowlist, defaultMaxResults: Int) {
        self.providers = Dictionary(providers.map { ($0.source, $0) }, uniquingKeysWith: { first, _ in first })
        self.domainAllowlist = domainAllowlist
        self.defaultMaxResults = defaultMaxResults
    }
}
