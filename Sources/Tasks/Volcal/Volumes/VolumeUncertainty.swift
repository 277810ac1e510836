import Foundation

/// A one-sigma uncertainty of the net volume, propagated from the DEMs' vertical accuracy.
///
/// Method `dem_vertical_accuracy_propagation`: each DEM has vertical accuracy `σz`, so a cell's
/// difference has `σdz = √2 · σz`. Errors independent from cell to cell give
/// `σrandom = σdz · √(Σ Aᵢ²)` (`σdz · A_cell · √N` for equal cells); an error shared by every cell
/// (a datum or control offset) gives `σsystematic = σdz · Σ Aᵢ`. The total is their quadrature sum.
/// Real errors are partly correlated, so the truth lies between the random and the total figure.
public struct VolumeUncertainty: Sendable, Hashable, Codable {
    /// The method's name, `dem_vertical_accuracy_propagation`.
    public var method: String
    /// `σz`, the vertical accuracy assumed for each DEM, metres.
    public var verticalAccuracyM: Double
    /// `σdz = √2 · σz`, metres.
    public var sigmaDzM: Double
    public var randomM3: Double
    public var systematicM3: Double
    public var totalM3: Double

    static let methodName = "dem_vertical_accuracy_propagation"

    init(verticalAccuracyM: Double, cellAreaSum: Double, cellAreaSquaredSum: Double) {
        method = Self.methodName
        self.verticalAccuracyM = verticalAccuracyM
        sigmaDzM = verticalAccuracyM * 2.squareRoot()
        randomM3 = sigmaDzM * cellAreaSquaredSum.squareRoot()
        systematicM3 = sigmaDzM * cellAreaSum
        totalM3 = (randomM3 * randomM3 + systematicM3 * systematicM3).squareRoot()
    }

    enum CodingKeys: String, CodingKey {
        case method, verticalAccuracyM = "vertical_accuracy_m", sigmaDzM = "sigma_dz_m", randomM3 = "random_m3"
        case systematicM3 = "systematic_m3", totalM3 = "total_m3"
    }
}
