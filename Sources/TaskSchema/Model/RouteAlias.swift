/// `http: {path: /api/run-model, method: POST}`: an extra submit route with exactly this path, for
/// clients of an older service that should move over by changing only the host. It validates and
/// answers exactly like `POST /v1/tasks/<name>`. An operational setting: not part of the schema lock.
public struct RouteAlias: Sendable, Hashable {
    /// The methods an alias may take: it submits a job.
    public static let methods = ["POST"]
    /// Prefixes that belong to Taskforge's own routes.
    public static let reservedPrefixes = ["/v1/", "/openapi.json", "/healthz", "/readyz", "/metrics"]

    /// An absolute path of literal segments, such as `/api/run-model`.
    public var path: String
    public var method: String

    public init(path: String, method: String = "POST") {
        self.path = path
        self.method = method
    }

    /// Whether `path` is absolute, made of non-empty segments of letters, digits and `-._~`, and
    /// outside ``reservedPrefixes``; the reason when it is not.
    public static func problem(with path: String) -> String? {
        guard path.hasPrefix("/"), path.count > 1 else { return "must be an absolute path such as '/api/run-model'" }
        let segments = path.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
        guard segments.allSatisfy({ !$0.isEmpty && $0.allSatisfy(allowed.contains) }) else {
            return
                "must be literal segments of letters, digits and '-._~' separated by single '/', without a trailing '/'"
        }
        if let reserved = reservedPrefixes.first(where: { path == $0 || path.hasPrefix($0) || $0.hasPrefix(path + "/") }
        ) {
            return "collides with Taskforge's own routes under '\(reserved)'"
        }
        return nil
    }
}
