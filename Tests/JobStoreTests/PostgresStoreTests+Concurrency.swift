import Foundation
import TaskRuntime
import TaskStorePostgres
import Testing

/// Cancel notifications and lock ordering across connections.
extension PostgresStoreTests {
    @Test func cancelSignalsReachOtherProcesses() async throws {
        try await withTwoStores { _, listening, other in
            let job = try await other.enqueue([.sample()])[0]
            _ = try await other.claimOne()
            let signals = listening.cancelSignals()
            guard case .requested = try await other.requestCancel(id: job.id) else {
                Issue.record("a running job gets a cancel request")
                return
            }
            #expect(try await firstValue(of: signals, within: .seconds(5)) == job.id)
        }
    }

    /// Heartbeats and batched finishes lock the rows they share in one order, so two connections
    /// updating the same rows in shuffled orders wait for each other instead of deadlocking.
    @Test func heartbeatsAndBatchedFinishesOnTheSameRowsNeverDeadlock() async throws {
        try await withTwoStores { _, first, second in
            _ = try await first.enqueue((0..<200).map { NewJob.sample(input: ["n": .integer($0)]) })
            for _ in 0..<50 {
                let leases = try await first.claim(
                    queues: ["default"], limit: 200, worker: "w", leaseDuration: .seconds(60)
                )
                .map(\.lease)
                #expect(leases.count == 200)
                let written = try await withThrowingTaskGroup(of: [Bool]?.self) { group in
                    group.addTask {
                        _ = try await first.heartbeat(leases.shuffled(), leaseDuration: .seconds(60))
                        return nil
                    }
                    group.addTask {
                        _ = try await second.heartbeat(leases.shuffled(), leaseDuration: .seconds(60))
                        return nil
                    }
                    group.addTask {
                        let completions = leases.shuffled().map {
                            Completion(lease: $0, outcome: .released, handlerVersion: nil)
                        }
                        return try await second.finish(completions)
                    }
                    return try await group.reduce(into: [Bool]()) { $0 += $1 ?? [] }
                }
                #expect(written.count == 200 && written.allSatisfy { $0 })
            }
            #expect(try await first.jobs(matching: JobQuery(state: .pending, limit: 1000)).jobs.count == 200)
        }
    }
}
