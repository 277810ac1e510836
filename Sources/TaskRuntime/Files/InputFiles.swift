import Foundation

/// A job's uploaded files as local, readable file URLs, by declared name: the untyped form the
/// worker fills in before an attempt and the generated `Files` type of each task reads.
public struct InputFiles: Sendable, Hashable {
    public private(set) var urls: [String: URL]

    public init(_ urls: [String: URL] = [:]) {
        self.urls = urls
    }

    /// The file `name`, which the task declares required; a job never starts without it, so its
    /// absence means the job's files were lost, a permanent failure.
    public func required(_ name: String) throws -> URL {
        guard let url = urls[name] else {
            throw TaskError.permanent(.filesMissing, "the required input file '\(name)' is not available to this attempt")
        }
        return url
    }

    /// The optional file `name`, or `nil` when it was not uploaded.
    public func optional(_ name: String) -> URL? {
        urls[name]
    }
}
