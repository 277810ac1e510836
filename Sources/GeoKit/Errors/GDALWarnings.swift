import Foundation

/// Where the warnings of GDAL calls that succeeded go: standard error, one line each, so that none
/// is lost (a reprojection that clipped points, a driver that ignored a creation option).
enum GDALWarnings {
    static func report(_ warnings: [GDALMessage], during operation: String) {
        for warning in warnings {
            FileHandle.standardError.write(Data("GDAL warning during \(operation): \(warning.text)\n".utf8))
        }
    }
}
