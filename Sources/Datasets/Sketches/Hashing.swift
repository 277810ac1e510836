/// 64-bit hashing of bytes and numbers for distinct counts and duplicate rows, and the seeded random
/// numbers of the sketches and the isolation forest. Not cryptographic; fixed across runs and platforms
/// (unlike Swift's `Hasher`), so sketches and forests are reproducible.
enum Hashing {
    @inline(__always)
    static func mix(_ x: UInt64) -> UInt64 {
        // SplitMix64's finalizer.
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Folds one field into a row's running hash: one multiply a field, the row is `mix`ed once at the end.
    @inline(__always)
    static func combine(_ h: UInt64, _ x: UInt64) -> UInt64 {
        let y = (h ^ x) &* 0x9E37_79B9_7F4A_7C15
        return y ^ (y >> 29)
    }

    /// A hash of a value's bytes: eight bytes at a time, each word mixed in.
    @inline(__always)
    static func bytes(_ p: UnsafePointer<UInt8>, _ n: Int, seed: UInt64 = 0) -> UInt64 {
        var h = seed ^ (UInt64(n) &* 0x9E37_79B9_7F4A_7C15)
        var i = 0
        let raw = UnsafeRawPointer(p)
        while i + 8 <= n {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < n {
            tail |= UInt64(p[i]) << shift
            shift += 8
            i += 1
        }
        return mix(h ^ tail)
    }

    /// A hash of a number that is equal for `0.0` and `-0.0`.
    @inline(__always)
    static func double(_ v: Double) -> UInt64 { mix(v == 0 ? 0 : v.bitPattern) }
}

/// xoshiro256**, seeded through SplitMix64: reproducible for a seed.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    public init(seed: UInt64) {
        var x = seed
        func next() -> UInt64 {
            x = x &+ 0x9E37_79B9_7F4A_7C15
            return Hashing.mix(x &- 0x9E37_79B9_7F4A_7C15)
        }
        s0 = next()
        s1 = next()
        s2 = next()
        s3 = next()
    }

    public mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = s3 << 45 | s3 >> 19
        return result
    }

    /// Uniform in [0, 1).
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }
}
