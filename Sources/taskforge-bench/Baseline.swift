import Foundation
import Logging
import TaskRuntime

/// The database's own limits, measured with ``BareQueue`` on a fresh database: pickup (insert one
/// job, wait for the notification where there is one, claim it), batch inserts, and the
/// claim-and-complete loop draining as many jobs as the burn-down, with as many in flight.
struct Baseline {
    let settings: BenchSettings
    let logger: Logger

    struct Result: Codable, Sendable {
        var database: String
        var pickup: LatencySummary
        var insert: Throughput
        var claimComplete: Throughput
        var loops: Int
        var claimBatch: Int
    }

    func run(on database: BenchDatabase) async throws -> Result {
        let bare = try await database.bare()
        let version = try await bare.databaseVersion()

        try await bare.startListening()
        var samples: [Duration] = []
        for n in -settings.warmupSamples..<settings.latencySamples {
            let job = NoopTask.job(n)
            let start = ContinuousClock.now
            try await bare.insert([job])
            await bare.waitUntilReady(timeout: .seconds(5))
            let claimed = try await bare.claim(queue: NoopTask.queue, limit: 1, worker: "bare")
            let end = ContinuousClock.now
            guard claimed.count == 1 else { throw BenchError("the bare pickup claimed \(claimed.count) jobs, not 1") }
            if n >= 0 { samples.append(end - start) }
            try await bare.complete(claimed)
            try await Task.sleep(for: .milliseconds(settings.latencySpacingMilliseconds))
        }
        let pickup = LatencySummary(samples)
        progress("  bare pickup p50 \(Report.milliseconds(pickup.p50Ms)) ms; inserting")

        let insert = try await BaselineLoops.insert(settings) { batch in try await bare.insert(batch.map(NoopTask.job))
        }
        progress("  bare insert \(Report.rate(insert.jobsPerSecond)) jobs/s; claim-and-complete")

        let loops = settings.baselineLoops
        let batch = settings.baselineClaimBatch
        let claimComplete = try await BaselineLoops.drain(settings, name: "bare loop") { loop in
            let claims = try await bare.claim(queue: NoopTask.queue, limit: batch, worker: "bare-\(loop)")
            if !claims.isEmpty { try await bare.complete(claims) }
            return claims.count
        }
        let completed = claimComplete.jobs
        guard completed == settings.jobs else {
            throw BenchError("the bare loop completed \(completed) jobs, expected \(settings.jobs)")
        }
        return Result(
            database: version, pickup: pickup, insert: insert, claimComplete: claimComplete, loops: loops,
            claimBatch: batch)
    }
}
