import Foundation

/// Deterministic pseudo-random bytes (xorshift64), so a test can regenerate any part of a large
/// upload instead of keeping it in memory.
struct TestBytes {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed | 1
    }

    /// The next `count` bytes of the sequence.
    mutating func next(_ count: Int) -> Data {
        var data = Data(count: count)
        data.withUnsafeMutableBytes { buffer in
            let words = buffer.bindMemory(to: UInt64.self)
            for index in words.indices {
                state ^= state << 13
                state ^= state >> 7
                state ^= state << 17
                words[index] = state
            }
            for index in (words.count * 8)..<count {
                buffer[index] = UInt8(truncatingIfNeeded: state >> (index % 8 * 8))
            }
        }
        return data
    }

    static func make(_ count: Int, seed: UInt64 = 7) -> Data {
        var bytes = TestBytes(seed: seed)
        return bytes.next(count)
    }
}
