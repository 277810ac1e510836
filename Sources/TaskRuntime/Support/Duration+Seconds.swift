extension Duration {
    /// The duration in seconds, as a floating-point number.
    public var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }

    /// `30s`, `1.5s`, `250ms`: the way `tasks.yaml` writes durations.
    public var formattedSeconds: String {
        let value = seconds
        if value < 1 { return "\(Int((value * 1000).rounded()))ms" }
        return value.rounded() == value ? "\(Int(value))s" : "\(value)s"
    }
}
