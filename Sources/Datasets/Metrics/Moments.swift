/// Count, mean and the central moment sums M2, M3, M4 of a stream, merged block by block with Pébay's
/// formulas ("Formulas for robust, one-pass parallel computation of covariances and arbitrary-order
/// statistical moments", 2008). Each block is summed in two passes (mean, then deviations), so the
/// result matches pandas' two-pass `var`, `skew` and `kurt` within ~1e-12 relative.
public struct Moments: Sendable, Equatable {
    public private(set) var count = 0.0
    public private(set) var mean = 0.0
    public private(set) var m2 = 0.0
    public private(set) var m3 = 0.0
    public private(set) var m4 = 0.0

    public init() {}

    public mutating func add(block: UnsafeBufferPointer<Double>) {
        guard !block.isEmpty else { return }
        let n = Double(block.count)
        var sum = 0.0
        for x in block { sum += x }
        let blockMean = sum / n
        var s2 = 0.0
        var s3 = 0.0
        var s4 = 0.0
        for x in block {
            let d = x - blockMean
            let d2 = d * d
            s2 += d2
            s3 += d2 * d
            s4 += d2 * d2
        }
        var other = Moments()
        other.count = n
        other.mean = blockMean
        other.m2 = s2
        other.m3 = s3
        other.m4 = s4
        merge(other)
    }

    public mutating func merge(_ b: Moments) {
        guard b.count > 0 else { return }
        guard count > 0 else {
            self = b
            return
        }
        let na = count
        let nb = b.count
        let n = na + nb
        let delta = b.mean - mean
        let delta2 = delta * delta
        let newMean = mean + delta * nb / n
        let newM2 = m2 + b.m2 + delta2 * na * nb / n
        let newM3 =
            m3 + b.m3 + delta2 * delta * na * nb * (na - nb) / (n * n)
            + 3 * delta * (na * b.m2 - nb * m2) / n
        let newM4 =
            m4 + b.m4 + delta2 * delta2 * na * nb * (na * na - na * nb + nb * nb) / (n * n * n)
            + 6 * delta2 * (na * na * b.m2 + nb * nb * m2) / (n * n) + 4 * delta * (na * b.m3 - nb * m3) / n
        count = n
        mean = newMean
        m2 = newM2
        m3 = newM3
        m4 = newM4
    }

    /// Variance with `ddof` degrees of freedom (1: pandas' `var`; 0: scikit-learn's StandardScaler).
    public func variance(ddof: Double) -> Double? { count > ddof ? m2 / (count - ddof) : nil }

    /// pandas' `skew()` (3.1, `calc_skew`): the adjusted Fisher-Pearson coefficient G1,
    /// n·sqrt(n-1)/(n-2) · M3/M2^1.5. nil below 3 values and for a column without spread (pandas: NaN).
    public var skewness: Double? {
        guard count >= 3, m2 > 0 else { return nil }
        let n = count
        return (m3 / (m2 * m2.squareRoot())) * ((n * (n - 1).squareRoot()) / (n - 2))
    }

    /// pandas' `kurt()` (3.1, `calc_kurt`): unbiased excess kurtosis G2,
    /// (n-1)/((n-2)(n-3)) · (n(n+1)·M4/M2² - 3(n-1)). nil below 4 values and without spread.
    public var kurtosis: Double? {
        guard count >= 4, m2 > 0 else { return nil }
        let n = count
        let inner = n * (n + 1) * (m4 / (m2 * m2)) - 3 * (n - 1)
        return (n - 1) / ((n - 2) * (n - 3)) * inner
    }

}
