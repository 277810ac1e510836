import Foundation
import TaskRuntime
import TaskforgeTestSupport
import Testing

/// A worker killed in the second stage of a multi-stage job (docs/stages.md).
extension WorkerFailureTests {
    @Test func aWorkerKilledInTheSecondStageRepeatsOnlyThatStage() async throws {
        try await Harness.with { harness in
            let first = try harness.worker()
            let id = try #require(try await harness.enqueue("relay", ["hold_ms": 60_000]).first)
            try await eventually("the second stage to start") {
                harness.ledger().contains { $0.job == id && $0.event == "hold" }
            }
            first.kill9()
            _ = try harness.worker()
            let job = try await harness.waitForJob(id) { $0.state.isTerminal }
            #expect(job.state == .succeeded, "\(String(describing: job.error))")
            #expect(job.stageIndex == 1 && job.stage == "hold" && job.attempt == 2)
            let fetched = try #require(job.stageResults.first)
            #expect(job.stageResults.count == 1 && fetched.name == "fetch" && fetched.attempts == 1)
            #expect(job.output == ["token": fetched.output["token"] ?? .null])
            let entries = harness.ledger().filter { $0.job == id }
            #expect(entries.map { "\($0.attempt) \($0.event)" } == ["1 fetch", "1 hold", "2 hold", "2 done"])
        }
    }
}
