import TaskRuntime

/// Latency samples and their summary.
struct LatencySummary: Codable, Sendable {
    var samples: Int
    var p50Ms: Double
    var p99Ms: Double
    var meanMs: Double
    var maxMs: Double

    init(_ durations: [Duration]) {
        let milliseconds = durations.map(\.milliseconds).sorted()
        samples = milliseconds.count
        p50Ms = Self.percentile(0.50, of: milliseconds)
        p99Ms = Self.percentile(0.99, of: milliseconds)
        meanMs = milliseconds.isEmpty ? 0 : milliseconds.reduce(0, +) / Double(milliseconds.count)
        maxMs = milliseconds.last ?? 0
    }

    /// Nearest-rank percentile of sorted values: the smallest value with at least `fraction` of the
    /// samples at or below it.
    static func percentile(_ fraction: Double, of sorted: [Double]) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((fraction * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }
}

/// A count of jobs handled in a time: a rate.
struct Throughput: Codable, Sendable {
    var jobs: Int
    var seconds: Double
    var jobsPerSecond: Double

    init(jobs: Int, elapsed: Duration) {
        self.jobs = jobs
        self.seconds = elapsed.seconds
        self.jobsPerSecond = elapsed.seconds > 0 ? Double(jobs) / elapsed.seconds : 0
    }
}

extension Duration {
    // `seconds` comes from TaskRuntime.
    var milliseconds: Double { seconds * 1000 }
}
