/// A KLL quantile sketch (Karnin, Lang and Liberty, "Optimal Quantile Approximation in Streams", 2016),
/// after Liberty's reference implementation: compactors of capacity k·(2/3)^depth; a full compactor sorts
/// its items and promotes every other one, from a random offset, to the next level at twice the weight.
///
/// Bound: with `k` = 2048 (the default) the normalized rank error of a quantile is below 0.01 with
/// high probability (the theory gives O(1/k); the tests check 0.01 on columns larger than the exact
/// budget). Memory: about 3k doubles plus 1024 a level (~25k doubles at 10^9 values).
/// Deterministic for a seed.
public struct KLLSketch: Sendable {
    public let k: Int
    var levels: [[Double]] = [[]]
    var size = 0
    var maxSize = 0
    var random: SeededGenerator
    public private(set) var count = 0
    /// KLL's sampler (section 3 of the paper): past `samplingAfter` values, a value enters with
    /// probability 2^-level at that level's weight, and the level rises each time the count doubles, so
    /// at least `samplingAfter` values are always represented. A uniform sample of m >= 2^18 values adds
    /// a rank error of about 1/sqrt(m) <= 0.002 and the compactions stop costing a sort per value.
    var samplingLevel = 0
    var nextSampling: Int
    let samplingAfter: Int

    public init(k: Int = 2048, seed: UInt64 = 0x5EED, samplingAfter: Int = 1 << 18) {
        self.k = max(8, k)
        random = SeededGenerator(seed: seed)
        self.samplingAfter = max(1024, samplingAfter)
        nextSampling = 2 * self.samplingAfter
        maxSize = capacity(0)
    }

    /// KLL's capacity, but never below 1024: the lowest levels then sort and compact in batches (no
    /// tiny sorts every few values; upper levels hold two sorted runs, which the sort merges) at the price of a few more retained items, which only
    /// lowers the error.
    func capacity(_ level: Int) -> Int {
        let depth = levels.count - level - 1
        return max(1024, Int((Double(k) * pow(2.0 / 3.0, Double(depth))).rounded(.up)) + 1)
    }

    public mutating func add(_ x: Double) {
        withUnsafePointer(to: x) { add(contentsOf: UnsafeBufferPointer(start: $0, count: 1)) }
    }

    /// Adds many values at once (a block of the metrics' stream).
    public mutating func add(contentsOf xs: UnsafeBufferPointer<Double>) {
        for x in xs {
            count += 1
            if count >= nextSampling {
                samplingLevel += 1
                nextSampling *= 2
                while levels.count <= samplingLevel { levels.append([]) }
                maxSize = (0..<levels.count).reduce(0) { $0 + capacity($1) }
            }
            if samplingLevel > 0 && random.next() & ((1 << UInt64(samplingLevel)) - 1) != 0 { continue }
            levels[samplingLevel].append(x)
            size += 1
            if size >= maxSize { compress() }
        }
    }

    /// Adds another sketch's items at their levels (KLL sketches are mergeable with the same bound).
    public mutating func merge(_ other: KLLSketch) {
        while levels.count < other.levels.count { levels.append([]) }
        maxSize = (0..<levels.count).reduce(0) { $0 + capacity($1) }
        for (h, level) in other.levels.enumerated() { levels[h].append(contentsOf: level) }
        count += other.count
        samplingLevel = max(samplingLevel, other.samplingLevel)
        nextSampling = max(nextSampling, other.nextSampling)
        size = levels.reduce(0) { $0 + $1.count }
        while size >= maxSize {
            let before = size
            compress()
            if size >= before { break }
        }
    }

    private mutating func compress() {
        var h = 0
        while h < levels.count {
            if levels[h].count >= capacity(h) {
                if h + 1 >= levels.count {
                    levels.append([])
                    maxSize = (0..<levels.count).reduce(0) { $0 + capacity($1) }
                }
                levels[h].sort()
                let items = levels[h]
                // An odd item stays at its level: every promoted item stands for exactly two.
                let keepLast = items.count % 2 == 1
                let upto = keepLast ? items.count - 1 : items.count
                var i = random.next() & 1 == 0 ? 0 : 1
                while i < upto {
                    levels[h + 1].append(items[i])
                    i += 2
                }
                levels[h].removeAll(keepingCapacity: true)
                if keepLast, let last = items.last { levels[h].append(last) }
                size = levels.reduce(0) { $0 + $1.count }
                if size < maxSize { return }
            }
            h += 1
        }
    }

    /// The retained items with their weights, sorted by item, and the total weight.
    func weighted() -> (items: [(Double, Double)], total: Double) {
        var items: [(Double, Double)] = []
        for (h, level) in levels.enumerated() {
            let w = Double(1 << h)
            for x in level { items.append((x, w)) }
        }
        items.sort { $0.0 < $1.0 }
        let total = items.reduce(0) { $0 + $1.1 }
        return (items, total)
    }

    /// Approximate quantiles for probabilities in [0, 1]: the smallest retained item whose cumulative
    /// weight reaches p of the total (nil when empty).
    public func quantiles(_ ps: [Double]) -> [Double?] {
        let (items, total) = weighted()
        guard !items.isEmpty else { return ps.map { _ in nil } }
        return ps.map { p in
            let target = p * total
            var cumulative = 0.0
            for (x, w) in items {
                cumulative += w
                if cumulative >= target { return x }
            }
            return items[items.count - 1].0
        }
    }

    /// Approximate fraction of the stream at or below each of the sorted `points`.
    public func cdf(_ points: [Double]) -> [Double] {
        let (items, total) = weighted()
        guard total > 0 else { return points.map { _ in 0 } }
        var out: [Double] = []
        var j = 0
        var cumulative = 0.0
        for p in points {
            while j < items.count && items[j].0 <= p {
                cumulative += items[j].1
                j += 1
            }
            out.append(cumulative / total)
        }
        return out
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
