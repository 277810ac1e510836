import Hummingbird
import TaskServer

/// The request context of the dashboard's routes: the API's context (who is asking, for
/// ``TaskOperations``) and the browser session that ``DashboardMiddleware`` resolved.
public struct DashboardContext: ChildRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The API's context; its principal is the session's once the middleware ran.
    var api: TaskRequestContext
    /// The session's cookie value (new when the request brought none that is valid).
    var cookie = ""
    /// The CSRF token forms and actions of this session carry.
    var csrfToken = ""
    /// The fields of a `POST`'s form, read once by the middleware when it checked the CSRF token.
    var form = FormFields("")
    /// The `Host` the browser asked for, for the examples that name the server.
    var host = "127.0.0.1:8080"

    public init(context: TaskRequestContext) {
        self.coreContext = context.coreContext
        self.api = context
    }
}
