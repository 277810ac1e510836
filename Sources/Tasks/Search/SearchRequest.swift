/// What the `search` task asks a provider.
public struct SearchRequest: Sendable, Hashable {
    public var query: String
    /// How many results to ask for.
    public var count: Int
    /// Only pages from the last this many days; `nil`: any age.
    public var recencyDays: Int?
    /// Two-letter country code.
    public var country: String?
    /// Language code, such as `en` or `pt-br`.
    public var searchLanguage: String?
    /// `off`, `moderate` or `strict`.
    public var safeSearch: String?

    public init(
        query: String, count: Int, recencyDays: Int? = nil, country: String? = nil, searchLanguage: String? = nil,
        safeSearch: String? = nil
    ) {
        self.query = query
        self.count = count
        self.recencyDays = recencyDays
        self.country = country
        self.searchLanguage = searchLanguage
        self.safeSearch = safeSearch
    }
}
