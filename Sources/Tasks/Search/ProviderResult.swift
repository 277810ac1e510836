import Foundation

/// One result as a provider gives it.
public struct ProviderResult: Sendable, Hashable {
    public var title: String
    public var url: String
    public var description: String
    /// When the page was published or last changed, when the provider knows.
    public var publishedAt: Date?

    public init(title: String, url: String, description: String, publishedAt: Date? = nil) {
        self.title = title
        self.url = url
        self.description = description
        self.publishedAt = publishedAt
    }
}
