/// Sorting doubles by their bits, 11 bits a pass from the least significant (2048 buckets stay in cache):
/// O(n), and several times faster than the standard library's comparison sort on million-value columns.
/// Order is `<` for every non-NaN value, with -0.0 before 0.0 (they are equal, so quantiles agree).
enum RadixSort {
    static func sort(_ values: inout [Double]) {
        let n = values.count
        if n < 512 {
            values.sort()
            return
        }
        // Map each double to an unsigned key with the same order: flip all bits of negatives,
        // the sign bit of positives.
        var keys = [UInt64](unsafeUninitializedCapacity: n) { buffer, count in
            values.withUnsafeBufferPointer { v in
                for i in 0..<n {
                    let bits = v[i].bitPattern
                    buffer[i] = bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63)
                }
            }
            count = n
        }
        var scratch = [UInt64](repeating: 0, count: n)
        var counts = [Int](repeating: 0, count: 1 << 11)
        for pass in 0..<6 {
            let shift = UInt64(pass * 11)
            for i in 0..<counts.count { counts[i] = 0 }
            keys.withUnsafeBufferPointer { k in
                counts.withUnsafeMutableBufferPointer { c in
                    for i in 0..<n { c[Int((k[i] >> shift) & 0x7FF)] += 1 }
                }
            }
            // A digit every key shares moves nothing.
            if counts.contains(n) { continue }
            var total = 0
            for i in 0..<counts.count {
                let c = counts[i]
                counts[i] = total
                total += c
            }
            keys.withUnsafeBufferPointer { k in
                scratch.withUnsafeMutableBufferPointer { s in
                    counts.withUnsafeMutableBufferPointer { c in
                        for i in 0..<n {
                            let digit = Int((k[i] >> shift) & 0x7FF)
                            s[c[digit]] = k[i]
                            c[digit] += 1
                        }
                    }
                }
            }
            swap(&keys, &scratch)
        }
        values.withUnsafeMutableBufferPointer { v in
            for i in 0..<n {
                let key = keys[i]
                v[i] = Double(bitPattern: key & (1 << 63) != 0 ? key & ~(1 << 63) : ~key)
            }
        }
    }
}
