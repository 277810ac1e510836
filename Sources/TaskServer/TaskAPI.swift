import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import TaskArtifacts
import TaskRuntime

/// The HTTP API: generic job routes, one submit route per task of the catalog, artifacts, tus
/// uploads, health checks; behind API tokens when ``ServerConfiguration/authentication`` is `.required`.
public struct TaskAPI: Sendable {
    public let catalog: TaskCatalog
    public let store: any JobStore
    public let configuration: ServerConfiguration
    /// Where artifact bytes are kept.
    public let artifacts: any ArtifactStore
    /// The OpenAPI document served at `GET /openapi.json`: the generated one (from the same
    /// registry) with the profiles' routes merged in.
    public let openAPIDocument: String
    /// The tus upload server at `/v1/uploads/` (docs/uploads.md); `nil` serves no uploads.
    public let uploads: UploadStaging?
    /// Where the API's metrics are recorded, served at `GET /metrics`.
    public let metrics: MetricsExporter
    /// The application's own routes beside the generated ones (docs/compat.md), already filtered
    /// to those this server serves.
    public let profiles: [any RouteProfile]
    /// Further routes that are not part of the API document: the dashboard (TaskDashboard).
    public let routeSets: [any RouteSet]

    public init(
        catalog: TaskCatalog, store: any JobStore, configuration: ServerConfiguration, artifacts: any ArtifactStore,
        openAPIDocument: String, uploads: UploadStaging? = nil, metrics: MetricsExporter = MetricsExporter(),
        profiles: [any RouteProfile] = [], routeSets: [any RouteSet] = []
    ) {
        self.catalog = catalog
        self.store = store
        self.configuration = configuration
        self.artifacts = artifacts
        self.openAPIDocument = ServedDocument.merging(profiles, into: openAPIDocument)
        self.profiles = profiles
        self.routeSets = routeSets
        self.uploads = uploads
        self.metrics = metrics
    }

    /// The router with every route and the problem+json error handling.
    public func router() -> Router<TaskRequestContext> {
        let router = Router(context: TaskRequestContext.self)
        router.middlewares.add(AccessLogMiddleware())
        router.middlewares.add(HTTPMetricsMiddleware(factory: metrics.factory))
        router.middlewares.add(ProblemMiddleware(routes: RouteMethods(openAPIDocument: openAPIDocument)))
        let sets: [any RouteSet] = profiles + routeSets
        router.middlewares.add(
            AuthenticationMiddleware(
                authentication: configuration.authentication, tokens: store,
                extraPublicPaths: sets.reduce(into: Set<String>()) { $0.formUnion($1.publicPaths) },
                selfAuthenticatedPrefixes: sets.compactMap(\.selfAuthenticatedPrefix)))
        let operations = TaskOperations(
            catalog: catalog, store: store, configuration: configuration, artifacts: artifacts,
            metrics: TaskMetrics(factory: metrics.factory))
        TaskRoutes(operations: operations).register(on: router)
        BatchRoutes(operations: operations).register(on: router)
        LimitRoutes(operations: operations).register(on: router)
        JobRoutes(operations: operations, eventStream: configuration.eventStream).register(on: router)
        QueueRoutes(operations: operations).register(on: router)
        DedupRoutes(catalog: catalog, store: store).register(on: router)
        ArtifactRoutes(operations: operations).register(on: router)
        DatasetRoutes(operations: operations).register(on: router)
        if let uploads { UploadRoutes(staging: uploads).register(on: router) }
        HealthRoutes(operations: operations).register(on: router)
        MetricsRoutes(catalog: catalog, store: store, exporter: metrics).register(on: router)
        for set in sets { set.register(on: router, operations: operations) }
        let document = ByteBuffer(string: openAPIDocument)
        router.get("/openapi.json") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: document))
        }
        return router
    }

    /// The server as a service; `services` (workers) run beside it and shut down with it.
    /// `onServerRunning` receives the bound port (useful with port 0).
    public func application(
        services: [any Service] = [], logger: Logger,
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        Application(
            router: router(),
            configuration: .init(
                address: .hostname(configuration.host, port: configuration.port), serverName: "taskforge"),
            services: services,
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
            logger: logger)
    }
}
