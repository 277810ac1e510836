import GeoKit

/// How a volume calculation runs: the task's input options, plus the survey accuracy used for the
/// uncertainty and the block size that bounds memory.
public struct VolcalOptions: Sendable, Hashable {
    /// Height changes whose magnitude is at most this many metres count as unchanged (default 0).
    public var toleranceM: Double
    /// How `post` is resampled onto `pre`'s grid when the grids differ (default bilinear).
    public var resampling: Resampling
    /// Whether every cell the polygon touches belongs to it; by default a cell belongs when its
    /// centre is inside.
    public var allTouched: Bool
    /// The FID of the one feature to measure (a shapefile's record number, from 0); nil measures
    /// every polygon of the shapefile.
    public var featureID: Int?
    /// The vertical accuracy (1 sigma, metres) of each DEM, for the uncertainty estimate.
    public var verticalAccuracyM: Double
    /// Cells are processed in blocks of at most `blockSize` x `blockSize`, so memory does not grow
    /// with the rasters.
    public var blockSize: Int

    /// The default vertical accuracy: 0.1 m, typical of drone photogrammetry and airborne LiDAR.
    public static let defaultVerticalAccuracyM = 0.1
    /// The default block size: 1024 x 1024 cells (about 17 MB of buffers per block).
    public static let defaultBlockSize = 1024

    public init(
        toleranceM: Double = 0, resampling: Resampling = .bilinear, allTouched: Bool = false, featureID: Int? = nil,
        verticalAccuracyM: Double = defaultVerticalAccuracyM, blockSize: Int = defaultBlockSize
    ) {
        self.toleranceM = toleranceM
        self.resampling = resampling
        self.allTouched = allTouched
        self.featureID = featureID
        self.verticalAccuracyM = verticalAccuracyM
        self.blockSize = blockSize
    }
}
