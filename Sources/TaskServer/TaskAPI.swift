import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import TaskRuntime

/// The HTTP API: generic job routes, one submit route per task of the catalog, health checks.
public struct TaskAPI: Sendable {
    public let catalog: TaskCatalog
    public let store: any JobStore
    public let configuration: ServerConfiguration

    public init(catalog: TaskCatalog, store: any JobStore, configuration: ServerConfiguration) {
        self.catalog = catalog
        self.store = store
        self.configuration = configuration
    }

    /// The router with every route and the problem+json error handling.
    public func router() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.middlewares.add(ProblemMiddleware())
        let submitter = JobSubmitter(catalog: catalog, store: store)
        TaskRoutes(catalog: catalog, submitter: submitter, maxBodyBytes: configuration.maxBodyBytes).register(on: router)
        JobRoutes(store: store).register(on: router)
        HealthRoutes(store: store).register(on: router)
        return router
    }

    /// The server as a service; `services` (workers) run beside it and shut down with it.
    /// `onServerRunning` receives the bound port (useful with port 0).
    public func application(
        services: [any Service] = [], logger: Logger, onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        Application(
            router: router(),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "taskforge"),
            services: services,
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
            logger: logger)
    }
}
