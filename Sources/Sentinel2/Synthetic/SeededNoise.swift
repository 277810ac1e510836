/// Deterministic hashing and smooth noise for the synthetic scenes: SplitMix64 on integer lattices,
/// value noise with smoothstep interpolation, summed over octaves. No Foundation randomness, so the
/// same seed gives the same fields on every platform and run.
struct SeededNoise: Sendable, Hashable {
    /// The seed of this field (already mixed with whatever distinguishes it from other fields).
    let seed: UInt64
    /// The wavelength of the coarsest octave, in the units of the coordinates given to ``value(x:y:)``.
    let scale: Double
    /// How many octaves, each at half the wavelength and half the amplitude of the previous one.
    let octaves: Int

    init(seed: UInt64, scale: Double, octaves: Int = 3) {
        self.seed = seed
        self.scale = scale
        self.octaves = octaves
    }

    /// The SplitMix64 finaliser of `value`.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A seed derived from `seed` and a list of distinguishing integers.
    static func derive(_ seed: UInt64, _ parts: UInt64...) -> UInt64 {
        parts.reduce(mix(seed)) { mix($0 ^ mix($1)) }
    }

    /// A uniform number in 0..<1 from the lattice point (`i`, `j`) under `seed`.
    @inline(__always)
    static func lattice(_ seed: UInt64, _ i: Int64, _ j: Int64) -> Double {
        let h = mix(seed ^ mix(UInt64(bitPattern: i) &* 0x632B_E59B_D9B4_E019 ^ UInt64(bitPattern: j)))
        return Double(h >> 11) * 0x1.0p-53
    }

    /// A uniform number in 0..<1 for the point (`i`, `j`), not smooth: per-cell jitter.
    static func white(_ seed: UInt64, _ i: Int64, _ j: Int64) -> Double { lattice(mix(seed ^ 0x5851_F42D), i, j) }

    /// One octave of value noise at (`x`, `y`) in lattice units, in 0..<1.
    @inline(__always)
    static func valueNoise(_ seed: UInt64, _ x: Double, _ y: Double) -> Double {
        let fx = x.rounded(.down)
        let fy = y.rounded(.down)
        let i = Int64(fx)
        let j = Int64(fy)
        var tx = x - fx
        var ty = y - fy
        tx = tx * tx * (3 - 2 * tx)
        ty = ty * ty * (3 - 2 * ty)
        let a = lattice(seed, i, j)
        let b = lattice(seed, i + 1, j)
        let c = lattice(seed, i, j + 1)
        let d = lattice(seed, i + 1, j + 1)
        let top = a + (b - a) * tx
        let bottom = c + (d - c) * tx
        return top + (bottom - top) * ty
    }

    /// The field at (`x`, `y`): the octaves' weighted sum, normalised to 0...1 (values near the ends
    /// are rare; the distribution is bell-shaped around 0.5).
    func value(x: Double, y: Double) -> Double {
        var sum = 0.0
        var weight = 1.0
        var total = 0.0
        var frequency = 1 / scale
        for octave in 0..<octaves {
            // An offset per octave keeps the lattices of the octaves from lining up.
            let shift = Double(octave) * 17.31
            sum += weight * Self.valueNoise(seed &+ UInt64(octave), x * frequency + shift, y * frequency - shift)
            total += weight
            weight *= 0.5
            frequency *= 2
        }
        return sum / total
    }

    /// The value `fraction` of the field's values fall below, estimated from `samples` points spread
    /// (deterministically, by hash) over `rect` (minX, minY, maxX, maxY).
    func quantile(
        _ fraction: Double, over rect: (minX: Double, minY: Double, maxX: Double, maxY: Double), samples: Int = 4096
    ) -> Double {
        if fraction <= 0 { return -.infinity }
        if fraction >= 1 { return .infinity }
        let sampleSeed = Self.mix(seed ^ 0xC0FF_EE00)
        var values = (0..<samples).map { index -> Double in
            let u = Self.lattice(sampleSeed, Int64(index), 1)
            let v = Self.lattice(sampleSeed, Int64(index), 2)
            return value(x: rect.minX + u * (rect.maxX - rect.minX), y: rect.minY + v * (rect.maxY - rect.minY))
        }
        values.sort()
        let position = fraction * Double(samples - 1)
        let lower = Int(position.rounded(.down))
        let upper = min(samples - 1, lower + 1)
        let t = position - Double(lower)
        return values[lower] + (values[upper] - values[lower]) * t
    }
}
