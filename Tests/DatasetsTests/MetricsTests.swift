import Foundation
import TaskRuntime
import Testing

@testable import Datasets

@Suite struct MetricsTests {
    /// Generates a dataset, computes its metrics here and in pandas/numpy/DuckDB, and compares.
    func compare(_ name: String, rows: Int, seed: Int, options: MetricsOptions = MetricsOptions()) async throws {
        let dir = try Oracle.temporaryDirectory("metrics")
        let path = dir.appendingPathComponent(name).path
        try await Oracle.run("generate.py", [path, "\(rows)", "\(seed)"])
        let expected = try await Oracle.json("metrics.py", [path]) as! [String: Any]
        // Off the threads that run Swift tasks, as the handler runs it (the tests beside this one need them).
        let (profile, m) = try await onOwnThread(named: "metrics") {
            let profile = try Profiler.profile(path: path)
            return (profile, try MetricsComputation.compute(path: path, types: profile.columnTypes, options: options))
        }
        #expect(profile.rowCount == expected["rows"] as! Int)
        #expect(m.rows == expected["rows"] as! Int)
        #expect(m.columns == expected["columns"] as! Int)
        #expect(m.missingCells == expected["missing_cells"] as! Int)
        #expect(m.duplicateRows == expected["duplicate_rows"] as! Int)
        let numeric = expected["numeric"] as! [String: [String: Any]]
        #expect(Set(m.numeric.map(\.name)) == Set(numeric.keys))
        for c in m.numeric {
            let e = try #require(numeric[c.name])
            func d(_ key: String) -> Double? { number(e[key]) }
            #expect(c.count == e["count"] as! Int, "\(c.name)")
            #expect(c.missing == e["missing"] as! Int, "\(c.name)")
            #expect(c.zeros == e["zeros"] as! Int, "\(c.name)")
            #expect(c.negatives == e["negatives"] as! Int, "\(c.name)")
            if c.distinctExact { #expect(c.distinct == e["distinct"] as! Int, "\(c.name)") }
            for (got, key) in [
                (c.mean, "mean"), (c.std, "std"), (c.variance, "var"), (c.min, "min"), (c.max, "max"),
                (Optional(c.sum), "sum"), (c.skewness, "skew"), (c.kurtosis, "kurt"),
            ] {
                let want = d(key)
                #expect((got == nil) == (want == nil), "\(c.name).\(key)")
                if let got, let want { #expect(close(got, want), "\(c.name).\(key): \(got) vs \(want)") }
            }
            let q = try #require(c.quantiles)
            let got = [q.p5, q.p25, q.p50, q.p75, q.p95]
            let want = try #require(numbers(e["quantiles"]))
            let duck = numbers((e["duckdb"] as? [String: Any])?["quantiles"])
            if c.quantilesExact {
                #expect(got == want, "\(c.name) quantiles \(got) vs \(want)")
                if let duck { #expect(zip(got, duck).allSatisfy { close($0, $1) }, "\(c.name) vs DuckDB") }
                #expect(c.histogram?.counts == e["histogram"] as? [Int], "\(c.name) histogram")
                #expect(c.histogram?.edges == numbers(e["edges"]), "\(c.name) edges")
            }
            if let duck = e["duckdb"] as? [String: Any] {
                #expect(c.count == duck["count"] as! Int)
                if let mean = number(duck["mean"]), let cm = c.mean {
                    #expect(close(cm, mean), "\(c.name) duckdb mean")
                }
                if let std = number(duck["std"]), let cs = c.std {
                    #expect(close(cs, std, absolute: 1e-9), "\(c.name)")
                }
            }
        }
        let text = expected["text"] as! [String: [String: Any]]
        #expect(Set(m.text.map(\.name)) == Set(text.keys))
        for c in m.text {
            let e = try #require(text[c.name])
            #expect(c.count == e["count"] as! Int, "\(c.name)")
            #expect(c.missing == e["missing"] as! Int, "\(c.name)")
            #expect(c.distinct == e["distinct"] as! Int, "\(c.name)")
            #expect(c.minLength == e["min_length"] as? Int, "\(c.name)")
            #expect(c.maxLength == e["max_length"] as? Int, "\(c.name)")
            #expect(close(c.meanLength ?? .nan, number(e["mean_length"]) ?? 0), "\(c.name)")
            let counts = e["counts"] as! [String: Int]
            let top = (e["top"] as! [[Any]]).map { $0[1] as! Int }
            #expect(c.top.map(\.count) == top, "\(c.name) top counts")
            for v in c.top { #expect(counts[v.value] == v.count, "\(c.name) '\(v.value)'") }
        }
        let alerts = Set(m.alerts.map { "\($0.kind.rawValue):\($0.column ?? "")" })
        #expect(alerts.contains("constant:constant"))
        #expect(alerts.contains("zeros:zeros"))
        #expect(alerts.contains("high_missing:category"))
        #expect(alerts.contains("duplicates:"))
    }

    @Test func csvMatchesPandasNumpyAndDuckDB() async throws { try await compare("data.csv", rows: 3000, seed: 1) }
    /// Several workers on stretches of one file, some splits falling inside quoted newlines.
    @Test(arguments: [1, 2, 3, 4])
    func parallelWorkersMatchPandas(seed: Int) async throws {
        try await compare(
            "data.csv", rows: 4000, seed: seed, options: MetricsOptions(workers: 3, minimumBytesPerWorker: 1000))
    }

    @Test func theParallelPassSplitsAFileWithoutQuotedNewlinesAndAgreesWithOneReader() async throws {
        let dir = try Oracle.temporaryDirectory("parallel")
        // Seconds of work in a debug build: on a thread of its own (see the KLL test below).
        let (computed, single) = try await onOwnThread(named: "parallel") { () -> (DatasetMetrics?, DatasetMetrics) in
            let path = dir.appendingPathComponent("plain.csv").path
            var text = "a,b,c\n"
            for i in 0..<30_000 {
                let b = (i * 7) % 13 == 0 ? "" : "\(Double(i) / 3)"
                text += "\(i % 977),\(b),\"t\(i % 50)\"\n"
            }
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            let types: [ColumnType] = [.integer, .number, .string]
            let parallel = try ParallelMetrics.compute(
                path: path, types: types, options: MetricsOptions(workers: 4, minimumBytesPerWorker: 1000),
                readerOptions: ReaderOptions(), progress: nil)
            return (
                parallel, try MetricsComputation.compute(path: path, types: types, options: MetricsOptions(workers: 1))
            )
        }
        let parallel = try #require(computed)
        #expect(parallel.rows == single.rows)
        #expect(parallel.duplicateRows == single.duplicateRows)
        #expect(parallel.text == single.text)
        for (p, s) in zip(parallel.numeric, single.numeric) {
            #expect(p.quantiles == s.quantiles)
            #expect(p.histogram == s.histogram)
            #expect(p.distinct == s.distinct && p.count == s.count && p.zeros == s.zeros)
            #expect(close(p.mean!, s.mean!) && close(p.std!, s.std!) && close(p.skewness!, s.skewness!))
            #expect(close(p.kurtosis!, s.kurtosis!) && close(p.sum, s.sum))
        }
    }

    @Test func aBadRowFoundByALaterWorkerNamesItsLineInTheFile() async throws {
        let dir = try Oracle.temporaryDirectory("parallel")
        // Seconds of work in a debug build: on a thread of its own, asserted here.
        let outcome = try await onOwnThread(named: "bad-row") { () -> Result<DatasetMetrics, any Error> in
            let path = dir.appendingPathComponent("bad.csv").path
            var text = "a,b\n"
            for i in 0..<50_000 { text += i == 40_000 ? "1\n" : "\(i),x\n" }
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            let options = MetricsOptions(workers: 4, minimumBytesPerWorker: 1000)
            return Result { try MetricsComputation.compute(path: path, types: [.integer, .string], options: options) }
        }
        #expect(throws: DatasetError.raggedRow(line: 40_002, expected: 2, found: 1)) { try outcome.get() }
    }

    @Test func gzipCSVMatchesPandas() async throws { try await compare("data.csv.gz", rows: 1500, seed: 2) }
    @Test func jsonLinesMatchesPandas() async throws { try await compare("data.jsonl", rows: 2500, seed: 3) }

    /// A column larger than the exact budget: quantiles from the KLL sketch within rank error 0.01,
    /// the distinct count within 3 standard errors of HyperLogLog, histogram counts within 2·0.01·n.
    @Test func sketchesStayWithinTheirBoundsBeyondTheBudget() async throws {
        let n = 200_000
        let dir = try Oracle.temporaryDirectory("sketch")
        // Seconds of work in a debug build: on a thread of its own (see the KLL test below).
        let (values, m) = try await onOwnThread(named: "sketches") { () -> ([Double], DatasetMetrics) in
            var rng = SeededGenerator(seed: 7)
            let values = (0..<n).map { _ in (-2 * log(1 - rng.unit())).rounded(toPlaces: 6) }
            let path = dir.appendingPathComponent("big.csv").path
            var text = "x,label\n"
            for (i, v) in values.enumerated() { text += "\(v),L\(i % 40_000)\n" }
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            let options = MetricsOptions(exactValuesPerColumn: 10_000, exactDistinctTextValues: 1000)
            return (values, try MetricsComputation.compute(path: path, types: [.number, .string], options: options))
        }
        let x = try #require(m.numeric.first)
        #expect(!x.quantilesExact)
        let sorted = values.sorted()
        let q = try #require(x.quantiles)
        for (p, got) in zip([0.05, 0.25, 0.5, 0.75, 0.95], [q.p5, q.p25, q.p50, q.p75, q.p95]) {
            let below = sorted.partitioningIndex { $0 > got }
            #expect(abs(Double(below) / Double(n) - p) <= 0.01, "p\(p): rank \(Double(below) / Double(n))")
        }
        let distinct = Double(Set(values).count)
        #expect(abs(Double(x.distinct) - distinct) / distinct <= 3 * 0.0081)
        let hist = try #require(x.histogram)
        var exactCounts = [Int](repeating: 0, count: 50)
        for v in values {
            var i = Int((v - hist.edges[0]) / (hist.edges[50] - hist.edges[0]) * 50)
            i = min(max(i, 0), 49)
            if v < hist.edges[i] { i -= 1 } else if i < 49 && v >= hist.edges[i + 1] { i += 1 }
            exactCounts[i] += 1
        }
        for i in 0..<50 { #expect(abs(hist.counts[i] - exactCounts[i]) <= Int(0.02 * Double(n))) }
        let label = try #require(m.text.first)
        #expect(!label.distinctExact)
        #expect(abs(Double(label.distinct) - 40_000) / 40_000 <= 3 * 0.0081)
        // Every label appears 5 times; Space-Saving overestimates by at most n/1000.
        for v in label.top { #expect(v.count >= 5 && v.count <= 5 + n / 1000) }
    }
}

extension Double {
    func rounded(toPlaces places: Int) -> Double {
        let scale = Foundation.pow(10.0, Double(places))
        return (self * scale).rounded() / scale
    }
}

extension Array where Element == Double {
    func partitioningIndex(where belongs: (Double) -> Bool) -> Int {
        var lo = 0
        var hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if belongs(self[mid]) { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }
}

@Suite struct SketchTests {
    /// The KLL sketch with its sampler on: 3 million values, sampling after 2^17; every quantile's rank
    /// within 0.01, and two halves merged the same.
    @Test func kllWithItsSamplerStaysWithinRankErrorOnePercent() async throws {
        let n = 3_000_000
        let ps = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99]
        // Seconds of work in a debug build: on a thread of its own, not on one of the few that run
        // the tasks of every other test in the process (their servers and workers).
        let (sorted, sketches) = try await onOwnThread(named: "kll") { () -> ([Double], [Sketched]) in
            var rng = SeededGenerator(seed: 3)
            var values = [Double](repeating: 0, count: n)
            for i in 0..<n { values[i] = rng.unit() < 0.1 ? rng.unit() * 1000 : -log(1 - rng.unit()) }
            var whole = KLLSketch(seed: 1, samplingAfter: 1 << 17)
            var first = KLLSketch(seed: 2, samplingAfter: 1 << 17)
            var second = KLLSketch(seed: 3, samplingAfter: 1 << 17)
            values.withUnsafeBufferPointer { all in
                whole.add(contentsOf: all)
                first.add(contentsOf: UnsafeBufferPointer(rebasing: all[0..<(n / 2)]))
                second.add(contentsOf: UnsafeBufferPointer(rebasing: all[(n / 2)...]))
            }
            first.merge(second)
            let sketched = [whole, first].map {
                Sketched(count: $0.count, samplingLevel: $0.samplingLevel, quantiles: $0.quantiles(ps))
            }
            return (values.sorted(), sketched)
        }
        #expect(sketches[0].samplingLevel > 0)
        for sketch in sketches {
            #expect(sketch.count == n)
            for (p, q) in zip(ps, sketch.quantiles) {
                let rank = Double(sorted.partitioningIndex { $0 > q! }) / Double(n)
                #expect(abs(rank - p) <= 0.01, "p\(p): rank \(rank)")
            }
        }
    }

    /// What the test reads of a sketch.
    struct Sketched: Sendable {
        var count: Int
        var samplingLevel: Int
        var quantiles: [Double?]
    }
}
