import Foundation
import Logging
import TaskRuntime

/// Idle memory and pickup latency, on an empty database: a worker is started and left idle for a
/// second, then jobs are enqueued one at a time and timed from the `enqueue` call to the start
/// of their handler.
struct PickupLatency {
    let settings: BenchSettings
    let logger: Logger

    struct Result: Sendable {
        var idleResidentBytes: Int
        var latency: LatencySummary
    }

    func run(on database: BenchDatabase) async throws -> Result {
        let arrivals = Arrivals()
        let worker = RunningWorker(
            store: database.store, catalog: NoopTask.catalog { arrivals.arrived($0) },
            configuration: settings.workerConfiguration,
            logger: logger)
        do {
            try await Task.sleep(for: .seconds(1))
            let idle = ResidentMemory.current() ?? 0
            var samples: [Duration] = []
            for n in -settings.warmupSamples..<settings.latencySamples {
                let job = NoopTask.job(n)
                let start = ContinuousClock.now
                _ = try await database.store.enqueue([job])
                guard let started = await arrivals.wait(for: job.id, timeout: .seconds(5)) else {
                    throw BenchError("a job enqueued on an idle queue did not start within 5 s")
                }
                if n >= 0 { samples.append(started - start) }
                try await Task.sleep(for: .milliseconds(settings.latencySpacingMilliseconds))
            }
            try await worker.stop()
            return Result(idleResidentBytes: idle, latency: LatencySummary(samples))
        } catch {
            try? await worker.stop()
            throw error
        }
    }
}
