extension JSONValue {
    /// Whether this number is an integral multiple of `divisor`, allowing for binary floating point
    /// (0.1 is a multiple of 0.01); `false` for anything but a number.
    public func isMultiple(of divisor: Double) -> Bool {
        if case .integer(let integer) = self, let integralDivisor = Int(exactly: divisor) {
            return integer % integralDivisor == 0
        }
        guard let number = doubleValue else { return false }
        let quotient = number / divisor
        guard quotient.isFinite else { return false }
        return abs(quotient - quotient.rounded()) <= 1e-9 * max(1, abs(quotient))
    }
}
