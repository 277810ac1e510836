import CGDAL

/// How a raster is resampled onto another grid.
public enum Resampling: String, Sendable, Hashable, CaseIterable, Codable {
    case nearest, bilinear, cubic

    /// The name `gdalwarp -r` takes.
    var gdalName: String {
        switch self {
        case .nearest: "near"
        case .bilinear: "bilinear"
        case .cubic: "cubic"
        }
    }
}
