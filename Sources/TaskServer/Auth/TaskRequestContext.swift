import Hummingbird
import NIOCore
import TaskRuntime

/// The request context of every route: Hummingbird's core context plus who is asking.
public struct TaskRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Set by ``AuthenticationMiddleware``: the token's holder, or ``Principal/local`` when
    /// authentication is off. `nil` only on the public routes (health, OpenAPI document), so a route
    /// that forgets to exempt itself refuses rather than serves.
    public var principal: Principal? {
        didSet { record.tokenID = principal?.tokenID }
    }
    /// What the access log reports about the request besides its method, route and status.
    public let record = RequestRecord()
    /// The connection, to tell when a client of a long response (an event stream) went away.
    public let channel: any Channel

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.channel = source.channel
    }

    /// The principal, if it holds `scope`: `401` when the request carries no valid token, `403`
    /// when the token lacks the scope.
    public func principal(holding scope: TokenScope) throws -> Principal {
        guard let principal else { throw Problem.authenticationRequired() }
        guard principal.has(scope) else {
            throw Problem.insufficientScope("this request needs the '\(scope.rawValue)' scope", scope: scope)
        }
        return principal
    }

    /// The principal, if it may submit jobs of `task`.
    public func principal(submitting task: String) throws -> Principal {
        let principal = try principal(holding: .submit)
        guard principal.maySubmit(task: task) else {
            throw Problem.insufficientScope("this token may not submit jobs of task '\(task)'", scope: .submit)
        }
        return principal
    }
}
