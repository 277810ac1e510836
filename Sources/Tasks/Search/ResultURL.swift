import Foundation

/// The normal form of a result's address, so that one page found twice is kept once: lowercase
/// scheme and host, no default port (80 for http, 443 for https), no fragment, `/` for an empty
/// path, and no tracking parameters (`utm_*`, `gclid`, `fbclid`, `msclkid`). Anything but an
/// absolute http or https URL is `nil` (and the result dropped).
enum ResultURL {
    static func normalised(_ text: String) -> URL? {
        guard var parts = URLComponents(string: text.trimmingCharacters(in: .whitespaces)),
            let scheme = parts.scheme?.lowercased(), ["http", "https"].contains(scheme),
            let host = parts.host, !host.isEmpty
        else { return nil }
        parts.scheme = scheme
        parts.host = host.lowercased()
        if (scheme == "http" && parts.port == 80) || (scheme == "https" && parts.port == 443) { parts.port = nil }
        parts.fragment = nil
        if parts.path.isEmpty { parts.path = "/" }
        let kept = parts.queryItems?.filter { !isTracking($0.name) }
        parts.queryItems = kept?.isEmpty == true ? nil : kept
        return parts.url
    }

    private static func isTracking(_ name: String) -> Bool {
        let name = name.lowercased()
        return name.hasPrefix("utm_") || ["gclid", "fbclid", "msclkid"].contains(name)
    }
}
