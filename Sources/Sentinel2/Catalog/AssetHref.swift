import Foundation

/// Where an asset href points, as this offline catalog understands it.
enum AssetHref: Hashable {
    /// A local file.
    case file(URL)
    /// A remote location (http, https, s3, ...), which cannot be read here.
    case remote
    /// Text that is neither a path nor a URL.
    case invalid

    /// Resolves `href` of an item stored in `itemFolder`: `file://` URLs and absolute paths as they
    /// are, relative references (percent-encoded or not) against the folder; any other URL scheme is remote.
    init(_ href: String, itemFolder: URL) {
        let trimmed = href.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else {
            self = .invalid
            return
        }
        if let schemeEnd = trimmed.range(of: "://") {
            let scheme = trimmed[..<schemeEnd.lowerBound].lowercased()
            guard scheme == "file" else {
                self = .remote
                return
            }
            if let url = URL(string: trimmed), url.isFileURL, !url.path.isEmpty {
                self = .file(url.standardizedFileURL)
            } else {
                self = .invalid
            }
        } else if trimmed.hasPrefix("/") {
            self = .file(URL(fileURLWithPath: trimmed).standardizedFileURL)
        } else if let url = URL(string: trimmed, relativeTo: itemFolder), url.isFileURL {
            self = .file(url.absoluteURL.standardizedFileURL)
        } else {
            self = .file(itemFolder.appendingPathComponent(trimmed).standardizedFileURL)
        }
    }
}
