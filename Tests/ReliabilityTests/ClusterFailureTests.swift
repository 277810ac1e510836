import Foundation
import Synchronization
import TaskRuntime
import TaskforgeTestSupport
import Testing

/// Several processes on one PostgreSQL: draining in parallel, a server killed mid-burst, the
/// database restarted under load.
@Suite("Cluster failures", .serialized)
struct ClusterFailureTests {
    @Test func fourWorkersDrainFiveThousandJobsRunningEachOnce() async throws {
        try await Harness.with { harness in
            let ids = try await harness.enqueue("record", ["hold_ms": 0], count: 5000)
            for _ in 0..<4 { _ = try harness.worker(["--queues", "default=4"]) }
            try await eventually("every job to finish", timeout: .seconds(300)) {
                try await harness.store.unfinishedJobCounts().isEmpty
            }
            let succeeded = try await harness.store.jobs(matching: JobQuery(state: .succeeded, limit: 1)).jobs.count
            #expect(succeeded == 1)
            let ledger = harness.ledger()
            let done = ledger.filter { $0.event == "done" }
            #expect(done.count == 5000, "each job's handler completed exactly once")
            #expect(Set(done.map(\.job)) == Set(ids))
            let starts = ledger.filter { $0.event == "start" }
            #expect(Set(starts).count == starts.count, "no attempt executed twice")
            for id in ids.prefix(50) {
                #expect(try await harness.store.job(id: id)?.state == .succeeded)
            }
        }
    }

    @Test func everyAcceptedSubmitSurvivesTheServerBeingKilled() async throws {
        try await Harness.with { harness in
            let (server, url) = try await harness.serve(["--queues", "default=1"])
            let accepted = AcceptedJobs()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        while true {
                            guard let id = try? await submit(to: url, task: "record") else { return }
                            accepted.append(id)
                        }
                    }
                }
                try await eventually("200 accepted submits") { accepted.ids.count >= 200 }
                server.kill9()
                try await group.waitForAll()
            }
            let ids = accepted.ids
            for id in ids {
                #expect(try await harness.store.job(id: id) != nil, "job \(id) was accepted, then lost")
            }
        }
    }

    @Test func aDatabaseRestartUnderLoadLosesNoJobAndStrandsNone() async throws {
        try await Harness.with { harness in
            let (_, url) = try await harness.serve(["--queues", "default=2"])
            _ = try harness.worker(["--queues", "default=2"])
            var ids = try await harness.enqueue("record", ["hold_ms": 0], count: 300)
            try await eventually("some jobs to finish") {
                try await harness.store.unfinishedJobCounts()["record", default: 0] < 250
            }
            try await harness.server.restart()
            // Submits through the server once it reconnected: retried until accepted.
            for _ in 0..<50 {
                ids.append(
                    try await eventually("the server to accept a submit again") {
                        try? await submit(to: url, task: "record")
                    })
            }
            try await eventually("every job to finish", timeout: .seconds(120)) {
                try await harness.store.unfinishedJobCounts().isEmpty
            }
            for id in ids {
                #expect(try await harness.store.job(id: id)?.state == .succeeded)
            }
        }
    }
}

/// The ids of the jobs a server accepted, from concurrent submitters.
private final class AcceptedJobs: Sendable {
    private let storage = Mutex<[UUID]>([])

    func append(_ id: UUID) { storage.withLock { $0.append(id) } }

    var ids: [UUID] { storage.withLock { $0 } }
}

/// Submits `task` with an empty input; the job's id when the server answered 202.
private func submit(to url: String, task: String) async throws -> UUID? {
    let reply = try await RemoteServer(baseURL: url).submit(task, [:])
    guard reply.status == 202 else { return nil }
    return reply.json["id"]?.stringValue.flatMap(UUID.init(uuidString:))
}
