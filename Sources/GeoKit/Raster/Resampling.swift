import CGDAL

/// How a raster is resampled onto another grid (`average`: the mean of the source cells each target
/// cell covers, for grids coarser than the source).
public enum Resampling: String, Sendable, Hashable, CaseIterable, Codable {
    case nearest, bilinear, cubic, average

    /// The name `gdalwarp -r` takes.
    var gdalName: String {
        switch self {
        case .nearest: "near"
        case .bilinear: "bilinear"
        case .cubic: "cubic"
        case .average: "average"
        }
    }
}
