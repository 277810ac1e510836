/// A provider's answer: its results in order, and whether it has more.
public struct SearchPage: Sendable, Hashable {
    public var results: [ProviderResult]
    public var moreResultsAvailable: Bool

    public init(results: [ProviderResult], moreResultsAvailable: Bool) {
        self.results = results
        self.moreResultsAvailable = moreResultsAvailable
    }
}
