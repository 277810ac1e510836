import Foundation
import TaskRuntime
import TaskforgeTestSupport
import Testing

/// Worker processes killed, stuck or crashing, on PostgreSQL: each job still ends exactly as the
/// failure semantics say (docs/reliability.md).
@Suite("Worker failures", .serialized)
struct WorkerFailureTests {
    @Test func aJobWhoseWorkerIsKilledMidJobRunsAgainAndSucceedsOnce() async throws {
        try await Harness.with { harness in
            let first = try harness.worker()
            let id = try #require(try await harness.enqueue("record", ["hold_ms": 60_000]).first)
            try await eventually("the first attempt to start") {
                harness.ledger().contains { $0.job == id && $0.attempt == 1 }
            }
            first.kill9()
            _ = try harness.worker()
            let job = try await harness.waitForJob(id) { $0.state.isTerminal }
            #expect(job.state == .succeeded)
            #expect(job.attempt == 2)
            let entries = harness.ledger().filter { $0.job == id }
            #expect(entries.map { "\($0.attempt) \($0.event)" } == ["1 start", "2 start", "2 done"])
            let attempts = try await harness.store.events(forJob: id).filter { $0.state == .running }.map(\.attempt)
            #expect(attempts == [1, 2])
        }
    }

    @Test func aHandlerIgnoringItsTimeoutIsKilledAndTheWorkerGoesOn() async throws {
        try await Harness.with { harness in
            let worker = try harness.worker(["--queues", "default=1"])
            let spin = try #require(try await harness.enqueue("spin", [:], maxAttempts: 1).first)
            let after = try #require(try await harness.enqueue("record", ["hold_ms": 0]).first)
            let spun = try await harness.waitForJob(spin) { $0.state.isTerminal }
            #expect(spun.state == .failed)
            #expect(spun.error?.code == .taskRuntimeExceeded)
            let recorded = try await harness.waitForJob(after) { $0.state.isTerminal }
            #expect(recorded.state == .succeeded, "\(String(describing: recorded.error))")
            #expect(worker.isRunning)
            #expect(worker.log.contains("killed the handler process"))
        }
    }

    @Test func aJobThatKeepsKillingItsProcessIsQuarantinedAndCanBeRetried() async throws {
        try await Harness.with { harness in
            let (_, url) = try await harness.serve()
            let id = try #require(try await harness.enqueue("crash", [:], maxAttempts: 5).first)
            let quarantined = try await harness.waitForJob(id) { $0.state.isTerminal }
            #expect(quarantined.state == .quarantined)
            #expect(quarantined.crashes == 3)
            #expect(quarantined.attempt == 3)
            #expect(quarantined.error?.code == .workerCrashed)
            #expect(harness.ledger().filter { $0.job == id }.count == 3)

            let retry = try await ProcessRunner.run(
                try BuiltExecutable.named("taskforge-testbed"),
                ["jobs", "retry", id.uuidString.lowercased(), "--server", url])
            #expect(retry.status == 0, "\(retry.stderr)")
            #expect(retry.stdout.contains("is pending again"), "\(retry.stdout)")
            let again = try await harness.waitForJob(id) { $0.state.isTerminal && $0.attempt > 3 }
            #expect(again.state == .quarantined)
            #expect(again.attempt == 6)
            #expect(again.crashes == 3)
        }
    }

    @Test func aCancelFromAnotherProcessStopsTheRunningJob() async throws {
        try await Harness.with { harness in
            _ = try harness.worker()
            let id = try #require(try await harness.enqueue("record", ["hold_ms": 60_000]).first)
            try await eventually("the attempt to start") { harness.ledger().contains { $0.job == id } }
            let requested = ContinuousClock.now
            guard case .requested = try await harness.store.requestCancel(id: id) else {
                Issue.record("the job was not running")
                return
            }
            let job = try await harness.waitForJob(id) { $0.state.isTerminal }
            #expect(job.state == .cancelled)
            print("cancel reached the worker and was recorded in \(ContinuousClock.now - requested)")
        }
    }

    @Test func sigtermLetsShortJobsFinishAndGivesTheRestBack() async throws {
        try await Harness.with { harness in
            let worker = try harness.worker(["--shutdown-grace", "1"])
            let long = try #require(try await harness.enqueue("record", ["hold_ms": 60_000]).first)
            try await eventually("the long job to start") { harness.ledger().contains { $0.job == long } }
            #expect(await worker.terminate() == 0)
            let job = try #require(try await harness.store.job(id: long))
            #expect(job.state == .pending)
            #expect(job.attempt == 0)
        }
    }
}
