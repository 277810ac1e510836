import Foundation

/// Everything measured for one store.
struct StoreReport: Codable, Sendable {
    var store: StoreKind
    var database: String
    var insert: Throughput
    var burnDown: Throughput
    var pickup: LatencySummary
    var idleResidentBytes: Int
    var peakResidentBytes: Int
    var verification: Verification
    /// The burn-down with handlers in supervised handler processes, when measured.
    var isolatedBurnDown: IsolatedBurnDown?
    var baseline: Baseline.Result
    var limit: TrueLimit.Result
    var ratios: Ratios

    /// Taskforge's figure divided by the bare SQL figure on its own schema: for rates the share of
    /// that baseline reached (1 = all of it), for latencies how many times the floor it takes; and
    /// the rates divided by the database's true limit (a minimal table, no triggers).
    struct Ratios: Codable, Sendable {
        var burnDown: Double
        var insert: Double
        var pickupP50: Double
        var pickupP99: Double
        var burnDownToLimit: Double
        var insertToLimit: Double
    }
}

/// The drain rate with handlers in handler processes (`--isolation process`), and its check.
struct IsolatedBurnDown: Codable, Sendable {
    var drain: Throughput
    var verification: Verification
}

/// The whole run, as `--json` prints it.
struct RunReport: Codable, Sendable {
    var settings: BenchSettings
    var machine: Machine
    var stores: [StoreReport]

    struct Machine: Codable, Sendable {
        var cores: Int
        var memoryBytes: UInt64
        var os: String
    }
}

enum Report {
    static func ratio(_ value: Double, _ base: Double) -> Double {
        base > 0 ? value / base : 0
    }

    static func rate(_ value: Double) -> String {
        let rounded = Int(value.rounded())
        let digits = String(rounded)
        var grouped = ""
        for (index, digit) in digits.reversed().enumerated() {
            if index > 0 && index % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return String(grouped.reversed())
    }

    static func milliseconds(_ value: Double) -> String {
        String(format: value < 10 ? "%.2f" : "%.1f", value)
    }

    static func mebibytes(_ bytes: Int) -> String {
        String(format: "%.1f", Double(bytes) / 1_048_576)
    }

    /// The human-readable table.
    static func table(_ run: RunReport) -> String {
        let settings = run.settings
        var lines = [
            "Taskforge benchmark: \(rate(Double(settings.jobs))) no-op jobs, \(settings.concurrency) worker slots, "
                + "prefetch horizon \(settings.prefetchHorizonMilliseconds) ms, batches of \(rate(Double(settings.batchSize))), \(settings.latencySamples) pickups; "
                + "\(run.machine.cores) cores, \(mebibytes(Int(run.machine.memoryBytes))) MiB",
            "",
        ]
        for store in run.stores {
            let base = store.baseline
            lines.append(
                "\(store.store.title) (\(base.database)); bare SQL: \(base.loops) loop\(base.loops == 1 ? "" : "s") "
                    + "claiming up to \(base.claimBatch)")
            lines.append(
                "  true limit: a minimal table (no triggers, 2 indexes), \(store.limit.loops) loops claiming "
                    + "\(store.limit.claimBatch)")
            let limit = store.limit
            let isolated = store.isolatedBurnDown?.drain.jobsPerSecond
            let rows: [[String]] = [
                ["figure", "taskforge", "bare SQL", "ratio", "limit", "ratio"],
                [
                    "burn-down (jobs/s)", rate(store.burnDown.jobsPerSecond), rate(base.claimComplete.jobsPerSecond),
                    String(format: "%.2f", store.ratios.burnDown), rate(limit.claimComplete.jobsPerSecond),
                    String(format: "%.3f", store.ratios.burnDownToLimit),
                ],
                [
                    "batch insert (jobs/s)", rate(store.insert.jobsPerSecond), rate(base.insert.jobsPerSecond),
                    String(format: "%.2f", store.ratios.insert), rate(limit.insert.jobsPerSecond),
                    String(format: "%.3f", store.ratios.insertToLimit),
                ],
                [
                    "pickup p50 (ms)", milliseconds(store.pickup.p50Ms), milliseconds(base.pickup.p50Ms),
                    String(format: "%.1fx", store.ratios.pickupP50), "", "",
                ],
                [
                    "pickup p99 (ms)", milliseconds(store.pickup.p99Ms), milliseconds(base.pickup.p99Ms),
                    String(format: "%.1fx", store.ratios.pickupP99), "", "",
                ],
                [
                    "burn-down, handler processes (jobs/s)", isolated.map(rate) ?? "-",
                    rate(base.claimComplete.jobsPerSecond),
                    isolated.map { String(format: "%.2f", ratio($0, base.claimComplete.jobsPerSecond)) } ?? "",
                    rate(limit.claimComplete.jobsPerSecond),
                    isolated.map { String(format: "%.3f", ratio($0, limit.claimComplete.jobsPerSecond)) } ?? "",
                ],
                ["worker RSS idle (MiB)", mebibytes(store.idleResidentBytes), "", "", "", ""],
                ["worker RSS peak, burn-down (MiB)", mebibytes(store.peakResidentBytes), "", "", "", ""],
            ]
            let widths = [38, 12, 12, 7, 12, 7]
            for cells in rows {
                var line = "  " + cells[0].padding(toLength: widths[0], withPad: " ", startingAt: 0)
                for index in 1..<cells.count {
                    line += String(repeating: " ", count: max(widths[index] - cells[index].count, 1)) + cells[index]
                }
                lines.append(line)
            }
            for verification in [store.verification] + (store.isolatedBurnDown.map { [$0.verification] } ?? []) {
                lines.append(
                    verification.ok
                        ? "  verified: all \(rate(Double(verification.expected))) jobs succeeded, each run once, one attempt each"
                        : "  VERIFICATION FAILED: " + verification.problems.joined(separator: "; "))
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }
}
