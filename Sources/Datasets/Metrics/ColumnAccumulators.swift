/// The streaming state of one numeric column: counters, moments, the values for quantiles and, beyond
/// the budget, a HyperLogLog for the distinct count. Values arrive in blocks of `blockSize`.
struct NumericAccumulator {
    static let blockSize = 4096
    var count = 0
    var missing = 0
    var zeros = 0
    var negatives = 0
    var minimum = Double.infinity
    var maximum = -Double.infinity
    var moments = Moments()
    var sum = 0.0
    var sumCompensation = 0.0
    var values: ColumnValues
    var distinctSketch: HyperLogLog?
    let block: UnsafeMutablePointer<Double>
    var blockCount = 0

    init(budget: Int, seed: UInt64) {
        values = ColumnValues(budget: budget, seed: seed)
        block = .allocate(capacity: Self.blockSize)
    }

    func release() { block.deallocate() }

    @inline(__always)
    mutating func add(_ x: Double) {
        count += 1
        if x == 0 { zeros += 1 } else if x < 0 { negatives += 1 }
        if x < minimum { minimum = x }
        if x > maximum { maximum = x }
        block[blockCount] = x
        blockCount += 1
        if blockCount == Self.blockSize { flush() }
    }

    mutating func flush() {
        guard blockCount > 0 else { return }
        let values = UnsafeBufferPointer(start: block, count: blockCount)
        moments.add(block: values)
        // Neumaier's compensated sum of the block sums.
        var blockSum = 0.0
        for x in values { blockSum += x }
        let t = sum + blockSum
        sumCompensation += abs(sum) >= abs(blockSum) ? (sum - t) + blockSum : (blockSum - t) + sum
        sum = t
        prepareForBudget(incoming: blockCount)
        self.values.add(contentsOf: values)
        if distinctSketch != nil {
            for x in values { distinctSketch!.add(hash: Hashing.double(x)) }
        }
        blockCount = 0
    }

    /// Adds another part of the same column (both flushed first).
    mutating func merge(_ other: inout NumericAccumulator) {
        flush()
        other.flush()
        count += other.count
        missing += other.missing
        zeros += other.zeros
        negatives += other.negatives
        minimum = min(minimum, other.minimum)
        maximum = max(maximum, other.maximum)
        moments.merge(other.moments)
        let t = sum + other.sum
        sumCompensation +=
            (abs(sum) >= abs(other.sum) ? (sum - t) + other.sum : (other.sum - t) + sum)
            + other.sumCompensation
        sum = t
        if !values.isExact || !other.values.isExact || values.count + other.values.count > values.budget {
            var hll = distinctSketch ?? Self.sketch(of: values.exact ?? [])
            hll.merge(other.distinctSketch ?? Self.sketch(of: other.values.exact ?? []))
            distinctSketch = hll
        }
        values.merge(other.values)
    }

    static func sketch(of values: [Double]) -> HyperLogLog {
        var hll = HyperLogLog()
        for x in values { hll.add(hash: Hashing.double(x)) }
        return hll
    }

    /// Before the switch to the sketch the distinct values are the exact ones; this feeds them to the
    /// HyperLogLog at the moment they are about to be dropped.
    mutating func prepareForBudget(incoming: Int) {
        guard values.isExact, distinctSketch == nil, values.count + incoming > values.budget else { return }
        var hll = HyperLogLog()
        for x in values.exact ?? [] { hll.add(hash: Hashing.double(x)) }
        distinctSketch = hll
    }
}

/// The streaming state of one text column: lengths, and exact value counts up to `budget` distinct
/// values, then Space-Saving counters for the most frequent and a HyperLogLog for the distinct count.
struct TextAccumulator {
    var count = 0
    var missing = 0
    var minLength = Int.max
    var maxLength = 0
    var totalLength = 0
    var exact: CountTable? = CountTable()
    var heavy: SpaceSaving?
    var distinctSketch: HyperLogLog?
    var budget: Int
    let heavyCapacity: Int

    init(budget: Int, heavyCapacity: Int) {
        self.budget = budget
        self.heavyCapacity = heavyCapacity
    }

    @inline(__always)
    mutating func add(_ p: UnsafePointer<UInt8>, _ n: Int, hash: UInt64) {
        count += 1
        // Length in Unicode scalars, as pandas' `str.len()`: bytes that are not continuation bytes.
        var length = 0
        for i in 0..<n where p[i] & 0xC0 != 0x80 { length += 1 }
        if length < minLength { minLength = length }
        if length > maxLength { maxLength = length }
        totalLength += length
        if exact != nil {
            if exact!.count < budget || exact!.contains(hash: hash) {
                exact!.add(hash: hash) { String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self) }
                return
            }
            var hll = HyperLogLog()
            for key in exact!.hashes { hll.add(hash: key) }
            distinctSketch = hll
            heavy = SpaceSaving(capacity: heavyCapacity, exact: exact!)
            exact = nil
        }
        distinctSketch!.add(hash: hash)
        heavy!.add(hash: hash) { String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self) }
    }
}

extension TextAccumulator {
    /// Adds another part of the same column.
    mutating func merge(_ other: TextAccumulator) {
        count += other.count
        missing += other.missing
        minLength = min(minLength, other.minLength)
        maxLength = max(maxLength, other.maxLength)
        totalLength += other.totalLength
        if var mine = exact, let theirs = other.exact, mine.count + theirs.count <= budget {
            mine.merge(theirs)
            exact = mine
            return
        }
        func sketches(_ a: TextAccumulator) -> (HyperLogLog, SpaceSaving) {
            if let table = a.exact {
                var hll = HyperLogLog()
                for h in table.hashes { hll.add(hash: h) }
                return (hll, SpaceSaving(capacity: heavyCapacity, exact: table))
            }
            return (a.distinctSketch ?? HyperLogLog(), a.heavy ?? SpaceSaving(capacity: heavyCapacity))
        }
        var (hll, heavy) = sketches(self)
        let (otherHLL, otherHeavy) = sketches(other)
        hll.merge(otherHLL)
        heavy.merge(otherHeavy)
        exact = nil
        distinctSketch = hll
        self.heavy = heavy
    }
}

/// Exact duplicate detection over 64-bit row fingerprints, in an open-addressing table that stops
/// growing at `budget` rows; later rows go to a HyperLogLog (duplicates then estimated).
struct RowFingerprints {
    var table: [UInt64]
    var used = 0
    var duplicates = 0
    var budget: Int
    var overflow: HyperLogLog?
    var overflowRows = 0

    init(budget: Int) {
        self.budget = budget
        table = [UInt64](repeating: 0, count: 1024)
    }

    @inline(__always)
    mutating func add(_ hash: UInt64) {
        let h = hash == 0 ? 1 : hash
        if overflow != nil {
            // Past the budget the count is the sketch's estimate; no lookups in the table (a cache
            // miss a row).
            overflowRows += 1
            overflow!.add(hash: h)
            return
        }
        if (used + 1) * 2 > table.count {
            if used >= budget {
                var hll = HyperLogLog()
                for x in table where x != 0 { hll.add(hash: x) }
                overflow = hll
                add(hash)
                return
            }
            grow()
        }
        let mask = table.count - 1
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let x = table[i]
            if x == 0 {
                table[i] = h
                used += 1
                return
            }
            if x == h {
                duplicates += 1
                return
            }
            i = (i + 1) & mask
        }
    }

    func contains(_ h: UInt64) -> Bool {
        let mask = table.count - 1
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let x = table[i]
            if x == 0 { return false }
            if x == h { return true }
            i = (i + 1) & mask
        }
    }

    private mutating func grow() {
        let old = table
        table = [UInt64](repeating: 0, count: old.count * 2)
        let mask = table.count - 1
        for h in old where h != 0 {
            var i = Int(truncatingIfNeeded: h) & mask
            while table[i] != 0 { i = (i + 1) & mask }
            table[i] = h
        }
    }

    /// Adds another part's rows: a row of one part found in the other is one more duplicate.
    mutating func merge(_ other: RowFingerprints) {
        duplicates += other.duplicates
        if overflow == nil && other.overflow == nil && used + other.used <= budget {
            for h in other.table where h != 0 { add(h) }
            return
        }
        // Beyond the budget: the distinct rows of both parts in one sketch; the duplicates found so far
        // stay a lower bound.
        func sketch(_ f: RowFingerprints) -> HyperLogLog {
            if let o = f.overflow { return o }
            var hll = HyperLogLog()
            for h in f.table where h != 0 { hll.add(hash: h) }
            return hll
        }
        var hll = sketch(self)
        hll.merge(sketch(other))
        for h in other.table where h != 0 && contains(h) { duplicates += 1 }
        overflow = hll
    }

    /// Duplicate rows: exact while every row fit; otherwise rows minus the estimated distinct rows.
    func result(rows: Int) -> (count: Int, exact: Bool) {
        guard let overflow else { return (duplicates, true) }
        let estimated = rows - Int(overflow.estimate.rounded())
        return (max(duplicates, estimated), false)
    }
}
