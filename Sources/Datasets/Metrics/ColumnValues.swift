/// The values of one numeric column as far as quantiles need them: all of them, sorted at the end, while
/// they fit `budget` (exact, pandas' linear interpolation); beyond it a `KLLSketch` (rank error <= 0.01).
/// Memory: at most `budget` doubles, then the sketch's ~3k doubles.
struct ColumnValues {
    var budget: Int
    private(set) var exact: [Double]? = []
    private(set) var sketch: KLLSketch?
    private(set) var sorted = false
    let seed: UInt64

    init(budget: Int, seed: UInt64) {
        self.budget = budget
        self.seed = seed
    }

    var isExact: Bool { exact != nil }
    var count: Int { exact?.count ?? sketch?.count ?? 0 }

    mutating func add(contentsOf block: UnsafeBufferPointer<Double>) {
        if exact != nil {
            if exact!.count + block.count <= budget {
                // Room for the whole budget at once: no doubling (2x the memory) on the way.
                if exact!.capacity == 0 { exact!.reserveCapacity(budget) }
                exact!.append(contentsOf: block)
                return
            }
            var kll = KLLSketch(seed: seed)
            exact!.withUnsafeBufferPointer { kll.add(contentsOf: $0) }
            exact = nil
            sketch = kll
        }
        sketch!.add(contentsOf: block)
    }

    mutating func add(_ value: Double) {
        withUnsafePointer(to: value) { add(contentsOf: UnsafeBufferPointer(start: $0, count: 1)) }
    }

    /// Adds another part's values (the parallel metrics): concatenated while within the budget, else
    /// merged sketches.
    mutating func merge(_ other: ColumnValues) {
        if let theirs = other.exact {
            theirs.withUnsafeBufferPointer { add(contentsOf: $0) }
            return
        }
        guard let theirs = other.sketch else { return }
        if let mine = exact {
            var kll = KLLSketch(seed: seed)
            mine.withUnsafeBufferPointer { kll.add(contentsOf: $0) }
            exact = nil
            sketch = kll
        }
        sketch!.merge(theirs)
    }

    /// Sorts the exact values once, before the queries.
    mutating func finish() {
        if !sorted, exact != nil { RadixSort.sort(&exact!) }
        sorted = true
    }

    /// The p-quantiles (p in [0, 1]); call `finish()` first. Exact: numpy's `linear` method, the default
    /// of `pandas.Series.quantile` and `describe`. nil when there are no values.
    func quantiles(_ ps: [Double]) -> [Double?] {
        if let exact {
            guard !exact.isEmpty else { return ps.map { _ in nil } }
            return ps.map { Self.linear(exact, $0) }
        }
        return sketch?.quantiles(ps) ?? ps.map { _ in nil }
    }

    /// The median as `numpy.median`: the mean of the two middle values for an even count (exact), the
    /// sketch's 0.5 quantile beyond the budget.
    func median() -> Double? {
        guard let exact else { return sketch?.quantiles([0.5])[0] }
        guard !exact.isEmpty else { return nil }
        let n = exact.count
        return n % 2 == 1 ? exact[n / 2] : (exact[n / 2 - 1] + exact[n / 2]) / 2
    }

    /// numpy's linear quantile on sorted values, with its two-sided interpolation (`_lerp`) so results
    /// are the same to the last bit.
    static func linear(_ a: [Double], _ p: Double) -> Double {
        let index = Double(a.count - 1) * p
        let below = min(Int(index.rounded(.down)), a.count - 1)
        let above = min(below + 1, a.count - 1)
        let t = index - Double(below)
        let x = a[below]
        let y = a[above]
        let difference = y - x
        return t >= 0.5 ? y - difference * (1 - t) : x + difference * t
    }

    /// The number of distinct values (exact only).
    func distinctExact() -> Int? {
        guard let exact else { return nil }
        var n = 0
        var previous = Double.nan
        for x in exact where !(x == previous) {
            n += 1
            previous = x
        }
        return n
    }

    /// A 50-bin histogram over [min, max] as `numpy.histogram(values, bins=50)`: exact counts while
    /// exact; beyond the budget, counts from the sketch's CDF (each bin off by at most 2·0.01·n).
    func histogram(minimum: Double, maximum: Double, bins: Int = 50) -> Histogram {
        var first = minimum
        var last = maximum
        if first == last {
            first -= 0.5
            last += 0.5
        }
        let step = (last - first) / Double(bins)
        var edges = (0...bins).map { Double($0) * step + first }
        edges[bins] = last
        var counts = [Int](repeating: 0, count: bins)
        if let exact {
            let denominator = last - first
            for x in exact {
                var i = Int(((x - first) / denominator) * Double(bins))
                if i >= bins { i = bins - 1 }
                if i < 0 { i = 0 }
                if x < edges[i] { i -= 1 } else if i != bins - 1 && x >= edges[i + 1] { i += 1 }
                counts[max(0, min(bins - 1, i))] += 1
            }
            return Histogram(edges: edges, counts: counts, exact: true)
        }
        guard let sketch else { return Histogram(edges: edges, counts: counts, exact: true) }
        // Below each inner edge; the last bin is closed, as numpy's.
        let cdf = sketch.cdf(Array(edges.dropFirst().dropLast()))
        let n = Double(sketch.count)
        var previous = 0
        for i in 0..<bins {
            let cumulative = i == bins - 1 ? sketch.count : Int((cdf[i] * n).rounded())
            counts[i] = max(0, cumulative - previous)
            previous = max(previous, cumulative)
        }
        return Histogram(edges: edges, counts: counts, exact: false)
    }
}

/// Bin edges (bins + 1) and counts, as `numpy.histogram` returns them.
public struct Histogram: Sendable, Codable, Equatable {
    public var edges: [Double]
    public var counts: [Int]
    /// False when the counts come from the quantile sketch (each within 2·0.01·n).
    public var exact: Bool
}
