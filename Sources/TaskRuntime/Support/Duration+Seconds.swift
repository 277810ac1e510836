extension Duration {
    /// The duration in whole milliseconds, rounded, and within `Int`'s range (how the stores keep a
    /// job's timeout).
    public var roundedMilliseconds: Int {
        let milliseconds = (seconds * 1000).rounded()
        return milliseconds >= Double(Int.max) ? Int.max : milliseconds <= Double(Int.min) ? Int.min : Int(milliseconds)
    }

    /// The duration in seconds, as a floating-point number.
    public var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }

    /// `30s`, `1h30m`, `250ms`: the way `tasks.yaml` writes durations (sub-millisecond parts dropped).
    public var compactDescription: String {
        var milliseconds = Int((seconds * 1000).rounded())
        guard milliseconds > 0 else { return "0s" }
        var parts = ""
        for (unit, size) in [("d", 86_400_000), ("h", 3_600_000), ("m", 60_000), ("s", 1000), ("ms", 1)]
        where milliseconds >= size {
            parts += "\(milliseconds / size)\(unit)"
            milliseconds %= size
        }
        return parts
    }
}
