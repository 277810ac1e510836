#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// HyperLogLog (Flajolet et al., 2007) with 2^14 registers and the linear-counting correction for
/// small counts: standard error 1.04/sqrt(2^14) = 0.81% of the distinct count. Memory: 16 KiB.
public struct HyperLogLog: Sendable {
    static let precision = 14
    var registers = [UInt8](repeating: 0, count: 1 << precision)

    public init() {}

    @inline(__always)
    public mutating func add(hash: UInt64) {
        let index = Int(hash >> UInt64(64 - Self.precision))
        let rest = hash << UInt64(Self.precision) | (1 << UInt64(Self.precision - 1))
        let rank = UInt8(rest.leadingZeroBitCount + 1)
        if registers[index] < rank { registers[index] = rank }
    }

    public mutating func merge(_ other: HyperLogLog) {
        for i in registers.indices where other.registers[i] > registers[i] { registers[i] = other.registers[i] }
    }

    public var estimate: Double {
        let m = Double(registers.count)
        var sum = 0.0
        var zeros = 0
        for r in registers {
            sum += 1 / Double(UInt64(1) << UInt64(r))
            if r == 0 { zeros += 1 }
        }
        let alpha = 0.7213 / (1 + 1.079 / m)
        let raw = alpha * m * m / sum
        if raw <= 2.5 * m && zeros > 0 { return m * log(m / Double(zeros)) }
        return raw
    }
}

/// Space-Saving heavy hitters (Metwally, Agrawal and El Abbadi, 2005) over hashed values with `capacity`
/// counters: every value seen more than N/capacity times is kept, and a kept count overestimates the
/// true one by at most N/capacity (its `error` holds the bound for that value). The counters are a
/// min-heap on count, so each value costs O(log capacity).
struct SpaceSaving {
    var hashes: [UInt64] = []
    var counts: [Int] = []
    var errors: [Int] = []
    var values: [String] = []
    var position: [UInt64: Int] = [:]
    let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    /// Starts from exact counts (the exact phase before the budget ran out): the largest are kept.
    init(capacity: Int, exact: CountTable) {
        self.capacity = capacity
        for i in exact.counts.indices.sorted(by: { exact.counts[$0] > exact.counts[$1] }).prefix(capacity) {
            insert(hash: exact.hashes[i], count: exact.counts[i], error: 0, value: exact.values[i])
        }
    }

    private mutating func insert(hash: UInt64, count: Int, error: Int, value: String) {
        hashes.append(hash)
        counts.append(count)
        errors.append(error)
        values.append(value)
        position[hash] = hashes.count - 1
        siftUp(hashes.count - 1)
    }

    mutating func add(hash: UInt64, value: () -> String) {
        if let i = position[hash] {
            counts[i] += 1
            siftDown(i)
        } else if hashes.count < capacity {
            insert(hash: hash, count: 1, error: 0, value: value())
        } else {
            // Replace the smallest counter; the newcomer inherits its count as its error bound.
            position.removeValue(forKey: hashes[0])
            let floor = counts[0]
            hashes[0] = hash
            counts[0] = floor + 1
            errors[0] = floor
            values[0] = value()
            position[hash] = 0
            siftDown(0)
        }
    }

    private mutating func swapAt(_ a: Int, _ b: Int) {
        hashes.swapAt(a, b)
        counts.swapAt(a, b)
        errors.swapAt(a, b)
        values.swapAt(a, b)
        position[hashes[a]] = a
        position[hashes[b]] = b
    }

    private mutating func siftUp(_ start: Int) {
        var i = start
        while i > 0 {
            let parent = (i - 1) / 2
            if counts[parent] <= counts[i] { return }
            swapAt(parent, i)
            i = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var i = start
        while true {
            let l = 2 * i + 1
            let r = l + 1
            var smallest = i
            if l < counts.count && counts[l] < counts[smallest] { smallest = l }
            if r < counts.count && counts[r] < counts[smallest] { smallest = r }
            if smallest == i { return }
            swapAt(i, smallest)
            i = smallest
        }
    }

    /// Merges another summary: counts of the same value add up, the largest `capacity` stay (Agarwal et
    /// al., "Mergeable summaries", 2012: the error bound stays N/capacity for the merged N).
    mutating func merge(_ other: SpaceSaving) {
        var combined: [UInt64: (Int, Int, String)] = [:]
        for i in hashes.indices { combined[hashes[i]] = (counts[i], errors[i], values[i]) }
        for i in other.hashes.indices {
            if let e = combined[other.hashes[i]] {
                combined[other.hashes[i]] = (e.0 + other.counts[i], e.1 + other.errors[i], e.2)
            } else {
                combined[other.hashes[i]] = (other.counts[i], other.errors[i], other.values[i])
            }
        }
        hashes = []
        counts = []
        errors = []
        values = []
        position = [:]
        for (hash, e) in combined.sorted(by: { $0.value.0 > $1.value.0 }).prefix(capacity) {
            insert(hash: hash, count: e.0, error: e.1, value: e.2)
        }
    }

    /// The kept values by decreasing count.
    func top(_ n: Int) -> [(value: String, count: Int, error: Int)] {
        (0..<counts.count).sorted { counts[$0] > counts[$1] }.prefix(n).map { (values[$0], counts[$0], errors[$0]) }
    }
}
