/// The two loops every baseline runs: inserting the run's jobs a batch at a time, and draining them
/// with concurrent claim-and-complete loops.
enum BaselineLoops {
    /// Calls `insert` with each batch of the run's jobs, in order; the rate counts only the time
    /// spent inside it.
    static func insert(
        _ settings: BenchSettings, _ insert: (Range<Int>) async throws -> Void
    ) async throws -> Throughput {
        var inserting = Duration.zero
        for start in stride(from: 0, to: settings.jobs, by: settings.batchSize) {
            let began = ContinuousClock.now
            try await insert(start..<min(start + settings.batchSize, settings.jobs))
            inserting += ContinuousClock.now - began
        }
        return Throughput(jobs: settings.jobs, elapsed: inserting)
    }

    /// Runs ``BenchSettings/baselineLoops`` loops at once, each calling `round` (loop number in,
    /// jobs claimed and completed out) until a round finds nothing; fails `name` past the phase's
    /// timeout. Returns how many jobs all loops completed, at what rate.
    static func drain(
        _ settings: BenchSettings, name: String, round: @escaping @Sendable (Int) async throws -> Int
    ) async throws -> Throughput {
        let deadline = ContinuousClock.now + settings.phaseTimeout
        let began = ContinuousClock.now
        let completed = try await withThrowingTaskGroup(of: Int.self) { group in
            for loop in 0..<settings.baselineLoops {
                group.addTask {
                    var completed = 0
                    while true {
                        let count = try await round(loop)
                        if count == 0 { return completed }
                        completed += count
                        if ContinuousClock.now > deadline {
                            throw BenchError("the \(name) did not finish within \(settings.phaseTimeoutSeconds) s")
                        }
                    }
                }
            }
            return try await group.reduce(0, +)
        }
        return Throughput(jobs: completed, elapsed: ContinuousClock.now - began)
    }
}
