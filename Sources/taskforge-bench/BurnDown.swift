import Foundation
import Logging
import TaskRuntime

/// Enqueues `jobs` no-op jobs in batches (the insert rate), then starts a worker and times it until
/// the store has recorded the last result (the burn-down rate), sampling resident memory meanwhile.
/// Afterwards every job must have succeeded, with one attempt, and its handler must have run once
/// (counted when handlers run in the worker's process).
struct BurnDown {
    let settings: BenchSettings
    let logger: Logger
    /// Where handlers run: in the worker (the default) or in handler processes.
    var isolated = false

    private var jobs: Int { isolated ? settings.isolatedJobs : settings.jobs }

    struct Result: Sendable {
        var insert: Throughput
        var drain: Throughput
        var peakResidentBytes: Int
        var verification: Verification
    }

    func run(on database: BenchDatabase) async throws -> Result {
        var inserting = Duration.zero
        for start in stride(from: 0, to: jobs, by: settings.batchSize) {
            let batch = (start..<min(start + settings.batchSize, jobs)).map(NoopTask.job)
            let began = ContinuousClock.now
            _ = try await database.store.enqueue(batch)
            inserting += ContinuousClock.now - began
        }
        let insert = Throughput(jobs: jobs, elapsed: inserting)
        progress("  enqueued \(jobs) jobs: \(Report.rate(insert.jobsPerSecond)) jobs/s; draining")

        let counting = CountingStore(database.store)
        let handlerCalls = SharedCounter()
        let sampler = PeakMemorySampler()
        let began = ContinuousClock.now
        let deadline = began + settings.phaseTimeout
        let pool =
            isolated
            ? HandlerProcessPool(executable: TaskforgeBench.executable, arguments: ["--handler-host"], logger: logger)
            : nil
        let worker = RunningWorker(
            store: counting, catalog: NoopTask.catalog { _ in handlerCalls.increment() },
            configuration: settings.workerConfiguration,
            runner: pool ?? InProcessRunner(), logger: logger)
        defer { pool?.shutdown() }
        while counting.written < jobs {
            if ContinuousClock.now > deadline {
                _ = await sampler.stop()
                try? await worker.stop()
                throw BenchError(
                    "the burn-down did not finish within \(settings.phaseTimeoutSeconds) s "
                        + "(\(counting.written) of \(jobs) jobs recorded)")
            }
            try await Task.sleep(for: .milliseconds(1))
        }
        let drain = Throughput(jobs: jobs, elapsed: ContinuousClock.now - began)
        let peak = await sampler.stop()
        try await worker.stop()

        let counts = try await database.bare().counts()
        return Result(
            insert: insert, drain: drain, peakResidentBytes: peak,
            verification: Verification(
                expected: jobs, handlerCalls: isolated ? nil : handlerCalls.value, counts: counts))
    }
}

/// Whether every job of a burn-down succeeded exactly once.
struct Verification: Codable, Sendable {
    var expected: Int
    var handlerCalls: Int
    var counts: StoreCounts
    var problems: [String]
    var ok: Bool

    /// `handlerCalls` is `nil` when handlers ran in other processes, where they cannot be counted.
    init(expected: Int, handlerCalls: Int?, counts: StoreCounts) {
        self.expected = expected
        self.handlerCalls = handlerCalls ?? expected
        self.counts = counts
        var problems: [String] = []
        let succeeded = counts.byState["succeeded"] ?? 0
        if succeeded != expected { problems.append("\(succeeded) of \(expected) jobs succeeded") }
        if counts.total() != expected { problems.append("\(counts.total()) jobs in the store, expected \(expected)") }
        if counts.maxAttempt != 1 { problems.append("a job has attempt \(counts.maxAttempt), expected 1") }
        if let handlerCalls, handlerCalls != expected {
            problems.append("handlers ran \(handlerCalls) times for \(expected) jobs")
        }
        if counts.succeededEvents != expected {
            problems.append("\(counts.succeededEvents) succeeded events logged for \(expected) jobs")
        }
        self.problems = problems
        self.ok = problems.isEmpty
    }
}
