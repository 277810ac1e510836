import Foundation

/// A JSON file of a catalog folder that yielded no scene, and why.
public struct SkippedCatalogEntry: Sendable, Hashable, CustomStringConvertible {
    /// The file.
    public var url: URL
    /// Why it was skipped, e.g. `not a STAC Item (type "Collection")`.
    public var reason: String

    /// An entry from the file and the reason.
    public init(url: URL, reason: String) {
        self.url = url
        self.reason = reason
    }

    /// `path: reason`.
    public var description: String { "\(url.path): \(reason)" }
}
