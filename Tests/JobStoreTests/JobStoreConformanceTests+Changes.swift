import Foundation
import Logging
import TaskRuntime
import TaskStorePostgres
import TaskforgeTestSupport
import Testing

/// The change feed of live views: PostgreSQL announces, through `LISTEN`/`NOTIFY`, every change any
/// connection commits to jobs, workers and queue pauses; SQLite has none (its views poll).
extension JobStoreConformanceTests {
    @Test func sqliteHasNoChangeFeed() async throws {
        try await StoreKind.sqlite.withStore { store in
            let feed = try await store.changeFeed()
            #expect(feed == nil)
        }
    }

    @Test func postgresAnnouncesWhatAnyProcessChanges() async throws {
        try await PostgresTestServer.fromEnvironment().withDatabase { url, _ in
            // Two stores, two pools: the watcher is another process as far as the database knows.
            let watcher = try await PostgresJobStore.connect(to: url, logger: Logger(label: "watcher"))
            let writer = try await PostgresJobStore.connect(to: url, logger: Logger(label: "writer"))
            do {
                /// `change` is announced to a feed opened before it.
                func announced(_ what: String, _ change: () async throws -> Void) async throws {
                    let feed = try #require(try await watcher.changeFeed())
                    try await change()
                    _ = try await firstValue(of: feed, within: .seconds(10))
                }
                try await announced("an enqueue") { _ = try await writer.enqueue([.sample()]) }
                let job = try await writer.claimOne()
                try await announced("a progress report") {
                    _ = try await writer.reportProgress(job.lease, progress: 0.5, stage: nil)
                }
                try await announced("a finish") {
                    _ = try await writer.finish(job.lease, .succeeded(output: [:]), handlerVersion: 1)
                }
                #expect(try await writer.job(id: job.id)?.state == .succeeded)
                try await announced("a worker") {
                    try await writer.registerWorker(
                        id: "w9", queues: ["default": 1], expiresAt: Date().addingTimeInterval(60))
                }
                try await announced("a pause") { _ = try await writer.pauseQueue("default", by: nil, at: Date()) }
                await watcher.close()
                await writer.close()
            } catch {
                await watcher.close()
                await writer.close()
                throw error
            }
        }
    }
}
