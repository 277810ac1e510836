import Hummingbird

/// Routes added to the API's router beside the generated ones: the application's
/// ``RouteProfile``s and the operators' dashboard. They share the router's access log, metrics and
/// problem+json errors, and reach jobs only through ``TaskOperations`` (scopes and ownership included).
public protocol RouteSet: Sendable {
    /// Paths served without an API token even when the server requires one (health checks).
    var publicPaths: Set<String> { get }
    /// A path prefix whose requests authenticate themselves rather than by `Authorization: Bearer`
    /// (the dashboard's session cookie). When the server requires tokens, requests under it reach
    /// the set's routes without a principal, and the set's own middleware must set one or refuse.
    var selfAuthenticatedPrefix: String? { get }
    /// Adds the routes to `router`; `operations` is the framework's own API behind them.
    func register(on router: Router<TaskRequestContext>, operations: TaskOperations)
}

extension RouteSet {
    public var publicPaths: Set<String> { [] }
    public var selfAuthenticatedPrefix: String? { nil }
}
