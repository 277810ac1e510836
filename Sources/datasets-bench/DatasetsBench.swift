import Datasets
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// `datasets-bench PATH`: the upload's profile pass, then `dataset_metrics` on the recorded types, timed
/// separately; prints one JSON object (seconds, rows, throughput, peak RSS of this process).
/// scripts/datasets/bench runs it beside pandas and DuckDB on the same file.
@main
struct DatasetsBench {
    static func main() throws {
        let arguments = CommandLine.arguments
        guard arguments.count >= 2 else {
            FileHandle.standardError.write(Data("usage: datasets-bench PATH [--workers N]\n".utf8))
            exit(2)
        }
        let path = arguments[1]
        var options = MetricsOptions()
        if let i = arguments.firstIndex(of: "--workers"), i + 1 < arguments.count, let n = Int(arguments[i + 1]) {
            options.workers = n
        }
        let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.doubleValue ?? 0
        let clock = ContinuousClock()
        var profile: DatasetProfile?
        let profileTime = try clock.measure { profile = try Profiler.profile(path: path) }
        var metrics: DatasetMetrics?
        let metricsTime = try clock.measure {
            metrics = try MetricsComputation.compute(path: path, types: profile?.columnTypes, options: options)
        }
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ d: Duration) -> Double {
            Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
        }
        let result: [String: Any] = [
            "bytes": size, "rows": metrics?.rows ?? 0, "workers": options.workers,
            "profile_seconds": seconds(profileTime), "metrics_seconds": seconds(metricsTime),
            "metrics_mb_per_second": size / 1e6 / seconds(metricsTime),
            "peak_rss_mb": Double(usage.ru_maxrss) / 1024,
            "quantiles_exact": metrics?.numeric.allSatisfy(\.quantilesExact) ?? false,
        ]
        let data = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys])
        print(String(decoding: data, as: UTF8.self))
    }
}
