import Foundation
import Hummingbird
import NIOCore
import TaskRuntime
import TaskServer

/// The operators' dashboard at `/ui` (docs/dashboard.md): server-rendered pages over
/// ``TaskOperations``, live through one Server-Sent Events stream per open page, with its actions
/// behind the session's CSRF token and the API's own scope checks. Added to the API with
/// `TaskAPI(routeSets: [Dashboard(...)])`; it is served by the same process on the same port.
public struct Dashboard: RouteSet {
    public let configuration: DashboardConfiguration
    let paths: Paths

    public init(configuration: DashboardConfiguration = DashboardConfiguration()) {
        self.configuration = configuration
        self.paths = Paths(basePath: configuration.basePath)
    }

    /// Pages authenticate with the session cookie, not the bearer header.
    public var selfAuthenticatedPrefix: String? { "/ui" }

    public func register(on router: Router<TaskRequestContext>, operations: TaskOperations) {
        let renderer = PageRenderer(
            operations: operations, paths: paths, configuration: configuration,
            lastHour: LastHourCache(store: operations.store))
        let actions = DashboardActions(operations: operations, paths: paths)
        let verifier = TokenVerifier(tokens: operations.store)
        let signIn = SignIn(
            verifier: verifier, signer: signer, paths: paths, configuration: configuration,
            authentication: operations.configuration.authentication)
        let ui = router.group("/ui", context: DashboardContext.self)
        ui.add(
            middleware: DashboardMiddleware(
                configuration: configuration, signer: signer, verifier: verifier,
                authentication: operations.configuration.authentication, paths: paths))
        let page: @Sendable (Request, DashboardContext) async throws -> Response = { request, context in
            let rendered = try await renderer.render(try View(request), context: context)
            let view = paths.browserPath(of: request)
            let notice = request.uri.queryParameters["notice"].map(String.init)
            return .html(renderer.layout(context).document(rendered, view: view, notice: notice))
        }
        for path in ["", "jobs", "jobs/:id", "workers", "schedules", "tasks"] {
            ui.get(RouterPath(path), use: page)
        }
        ui.get("live") { request, context in
            guard let view = request.uri.queryParameters["view"].map(String.init), view.hasPrefix(paths.root),
                let url = URLComponents(string: "/ui" + view.dropFirst(paths.root.count))
            else { throw Problem.invalidParameter("view", "must be a dashboard page") }
            let query = Dictionary(
                (url.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { first, _ in first })
            return LiveStream(
                renderer: renderer, view: try View(path: url.path, query: query), context: context,
                changes: try await operations.store.changeFeed(), interval: configuration.liveInterval,
                quietInterval: configuration.quietInterval, lifetime: configuration.streamLifetime,
                isSignedIn: signedIn(as: context.api.principal, verifier: verifier)
            ).response()
        }
        ui.get("artifacts/:id") { request, context in
            let (artifact, _) = try await operations.artifact(
                id: try context.parameters.require("id"), producingJob: false, context: context.api)
            // An inline image comes through the server: the page's policy allows images from itself only.
            return try await operations.download(artifact, redirect: request.uri.queryParameters["inline"] == nil)
        }
        ui.get("assets/:name") { _, context in try Assets.response(for: try context.parameters.require("name")) }
        ui.get("sign-in", use: signIn.page)
        ui.post("sign-in", use: signIn.submit)
        ui.post("sign-out", use: signIn.signOut)
        ui.post("actions/jobs/cancel", use: actions.cancel)
        ui.post("actions/jobs/retry", use: actions.retry)
        ui.post("actions/jobs/cancel-matching", use: actions.cancelMatching)
        ui.post("actions/jobs/retry-matching", use: actions.retryMatching)
        ui.post("actions/queues/pause", use: actions.pause)
        ui.post("actions/queues/resume", use: actions.resume)
        ui.post("actions/schedules/run", use: actions.runSchedule)
    }

    var signer: SessionSigner { SessionSigner(key: configuration.sessionKey) }

    /// Whether `principal`'s token is still valid: `false` once it is revoked or expired, `true` for
    /// the local principal (no tokens); a failure to read the store is thrown, not taken for a no.
    private func signedIn(as principal: Principal?, verifier: TokenVerifier) -> @Sendable () async throws -> Bool {
        guard let tokenID = principal?.tokenID else { return { true } }
        return {
            do {
                _ = try await verifier.principal(tokenID: tokenID)
                return true
            } catch is Problem {
                return false
            }
        }
    }
}
