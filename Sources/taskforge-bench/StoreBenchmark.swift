import Logging
import TaskRuntime

/// The phases for one store, each on a fresh database: idle memory and pickup latency, the
/// burn-down, the bare SQL baseline on the store's schema, and the database's true limit.
struct StoreBenchmark {
    let backend: any StoreBackend
    let settings: BenchSettings
    let logger: Logger

    func run() async throws -> StoreReport {
        let title = backend.kind.title
        progress("\(title): idle worker memory and pickup latency (\(settings.latencySamples) jobs, one at a time)")
        let pickup = try await backend.withFreshDatabase { database in
            try await PickupLatency(settings: settings, logger: logger).run(on: database)
        }
        progress(
            "  pickup p50 \(Report.milliseconds(pickup.latency.p50Ms)) ms, p99 \(Report.milliseconds(pickup.latency.p99Ms)) ms"
        )

        progress("\(title): burn-down of \(settings.jobs) jobs with \(settings.concurrency) worker slots")
        let burnDown = try await backend.withFreshDatabase { database in
            try await BurnDown(settings: settings, logger: logger).run(on: database)
        }
        progress("  drained at \(Report.rate(burnDown.drain.jobsPerSecond)) jobs/s")

        var isolated: BurnDown.Result?
        if settings.isolatedJobs > 0 {
            progress("\(title): burn-down of \(settings.isolatedJobs) jobs with handlers in handler processes")
            isolated = try await backend.withFreshDatabase { database in
                try await BurnDown(settings: settings, logger: logger, isolated: true).run(on: database)
            }
            progress("  drained at \(Report.rate(isolated?.drain.jobsPerSecond ?? 0)) jobs/s")
        }

        progress(
            "\(title): bare SQL baseline (\(settings.baselineLoops) loops claiming up to \(settings.baselineClaimBatch))"
        )
        let baseline = try await backend.withFreshDatabase { database in
            try await Baseline(settings: settings, logger: logger).run(on: database)
        }
        progress("  bare claim-and-complete at \(Report.rate(baseline.claimComplete.jobsPerSecond)) jobs/s")

        progress(
            "\(title): the database's true limit (a minimal table, \(settings.baselineLoops) loops claiming "
                + "\(TrueLimit.claimBatch))")
        let limit = try await backend.withFreshDatabase { database in
            try await TrueLimit(settings: settings, logger: logger).run(on: database)
        }
        progress("  true-limit claim-and-complete at \(Report.rate(limit.claimComplete.jobsPerSecond)) rows/s")

        return StoreReport(
            store: backend.kind, database: baseline.database, insert: burnDown.insert, burnDown: burnDown.drain,
            pickup: pickup.latency, idleResidentBytes: pickup.idleResidentBytes,
            peakResidentBytes: burnDown.peakResidentBytes, verification: burnDown.verification,
            isolatedBurnDown: isolated.map { IsolatedBurnDown(drain: $0.drain, verification: $0.verification) },
            baseline: baseline, limit: limit,
            ratios: StoreReport.Ratios(
                burnDown: Report.ratio(burnDown.drain.jobsPerSecond, baseline.claimComplete.jobsPerSecond),
                insert: Report.ratio(burnDown.insert.jobsPerSecond, baseline.insert.jobsPerSecond),
                pickupP50: Report.ratio(pickup.latency.p50Ms, baseline.pickup.p50Ms),
                pickupP99: Report.ratio(pickup.latency.p99Ms, baseline.pickup.p99Ms),
                burnDownToLimit: Report.ratio(burnDown.drain.jobsPerSecond, limit.claimComplete.jobsPerSecond),
                insertToLimit: Report.ratio(burnDown.insert.jobsPerSecond, limit.insert.jobsPerSecond)))
    }
}
