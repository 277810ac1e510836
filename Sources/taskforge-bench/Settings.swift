import Foundation
import Synchronization
import TaskRuntime

/// What one run measures; every phase reads it.
struct BenchSettings: Codable, Sendable {
    /// Jobs enqueued and drained by the burn-down (and by the bare loop).
    var jobs: Int
    /// Jobs drained with handlers in handler processes (`--isolation process`); 0 skips that phase.
    var isolatedJobs: Int
    /// Worker slots (the worker's concurrency), and jobs in flight in the bare loop.
    var concurrency: Int
    /// The worker's ``WorkerConfiguration/prefetchHorizon`` (0 claims for free slots only).
    var prefetchHorizonMilliseconds: Int
    /// Jobs per `enqueue` call.
    var batchSize: Int
    /// Measured pickups, after ``warmupSamples`` unmeasured ones.
    var latencySamples: Int
    /// The pause after each pickup, so that the next one finds an idle queue.
    var latencySpacingMilliseconds: Int
    /// Concurrent claim-and-complete loops of the bare baseline; each claims up to
    /// `concurrency / baselineLoops` (rounded up) jobs at a time.
    var baselineLoops: Int
    /// How long one phase may take before the run fails.
    var phaseTimeoutSeconds: Int

    var warmupSamples: Int { 10 }

    var baselineClaimBatch: Int { (concurrency + baselineLoops - 1) / baselineLoops }

    var phaseTimeout: Duration { .seconds(phaseTimeoutSeconds) }

    /// How the benchmark's worker is configured: `taskforge worker`'s defaults but for its slots
    /// and prefetch horizon.
    var workerConfiguration: WorkerConfiguration {
        WorkerConfiguration(
            queues: [NoopTask.queue: concurrency], prefetchHorizon: .milliseconds(prefetchHorizonMilliseconds))
    }
}

/// A benchmark that could not produce a trustworthy figure.
struct BenchError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}

/// Progress for the person waiting; stdout is kept for the results.
func progress(_ message: String) {
    FileHandle.standardError.write(Data("==> \(message)\n".utf8))
}

/// A box for a counter shared with handlers.
final class SharedCounter: Sendable {
    private let storage = Atomic<Int>(0)

    func increment() { storage.add(1, ordering: .relaxed) }

    var value: Int { storage.load(ordering: .relaxed) }
}
