/// How stores write a token's scopes and tasks: comma-separated, sorted (names never hold commas).
public enum TokenColumns {
    public static func scopes(_ scopes: Set<TokenScope>) -> String {
        scopes.sorted().map(\.rawValue).joined(separator: ",")
    }

    /// Reads a scopes column; an unknown scope (a newer version's) is an error, not a silent drop.
    public static func scopes(_ text: String) throws -> Set<TokenScope> {
        Set(
            try text.split(separator: ",").map { name in
                guard let scope = TokenScope(rawValue: String(name)) else {
                    throw UnknownTokenScope(name: String(name))
                }
                return scope
            })
    }

    public static func tasks(_ tasks: [String]) -> String { tasks.sorted().joined(separator: ",") }

    public static func tasks(_ text: String) -> [String] { text.split(separator: ",").map(String.init) }
}

/// A stored token names a scope this version does not know.
public struct UnknownTokenScope: Error, CustomStringConvertible {
    public let name: String
    public var description: String { "a stored API token has the unknown scope '\(name)'" }
}
