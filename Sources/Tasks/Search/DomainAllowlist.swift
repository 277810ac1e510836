import Foundation

/// `FETCH_DOMAIN_ALLOWLIST`: the domains whose pages may appear in results, each with its
/// subdomains (`example.com` allows `docs.example.com`). Empty allows every domain.
public struct DomainAllowlist: Sendable, Hashable {
    /// Lowercase domains, without a leading dot.
    public let domains: [String]

    public init(domains: [String]) {
        self.domains = domains.map { $0.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ".")) }
            .filter { !$0.isEmpty }
    }

    /// Every domain allowed.
    public static let any = DomainAllowlist(domains: [])

    public func allows(host: String) -> Bool {
        guard !domains.isEmpty else { return true }
        let host = host.lowercased()
        return domains.contains { host == $0 || host.hasSuffix("." + $0) }
    }
}
