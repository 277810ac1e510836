import Foundation
import TaskRuntime
import TaskServer
import TaskforgeTestSupport
import Tasks

/// A live server with the application's catalog and its seed profiles, for the compat tests.
enum CompatServer {
    /// The catalog set up as `serve` sets it up (the search task's allowlists shown in the limits),
    /// with an empty scene catalog for `aod_estimation`, whose jobs therefore find no scene.
    static func catalog(scenes: URL) throws -> TaskCatalog {
        GeneratedTasks.catalog.configured(try GeneratedTasks.setup(environment: ["DATA_FOLDER": scenes.path]))
    }

    static func with(
        maxRuntime: Duration? = nil, maxBatchSize: Int = 100, authentication: Authentication = .off,
        tasksPerMinute: Int? = nil, profiles: [any RouteProfile] = GeneratedTasks.routeProfiles,
        _ body: (TestServer) async throws -> Void
    ) async throws {
        let scenes = FileManager.default.temporaryDirectory.appendingPathComponent("compat-scenes-\(UUID())")
        try FileManager.default.createDirectory(at: scenes, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scenes) }
        try await TestServer.with(
            catalog: try catalog(scenes: scenes), openAPIDocument: GeneratedTasks.openAPIDocument,
            maxRuntime: maxRuntime,
            maxBatchSize: maxBatchSize, authentication: authentication, tasksPerMinute: tasksPerMinute,
            waitingExpiry: .seconds(3600), profiles: profiles, body)
    }

    /// Waits for `GET path` to answer a seed `status` in `statuses`.
    @discardableResult
    static func waitForStatus(_ server: TestServer, _ path: String, in statuses: Set<String>) async throws -> JSONValue
    {
        try await server.waitFor(path) { statuses.contains($0["status"]?.stringValue ?? "") }
    }
}
