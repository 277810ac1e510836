import Foundation
import GeoKit
import Sentinel2

/// A temporary folder for one test's synthetic catalog, removed when the object goes away.
final class SyntheticTestFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("synthetic-s2-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// A sub-folder (created).
    func sub(_ name: String) throws -> URL {
        let folder = url.appendingPathComponent(name, isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}

/// Small areas and days for the synthetic catalog tests.
enum SyntheticFixtures {
    /// 0.04° near 12°E 45°N (UTM 33N).
    static let north = GeoBoundingBox(minLongitude: 12.0, minLatitude: 45.0, maxLongitude: 12.04, maxLatitude: 45.04)
    /// 0.04° near 48°W 15°S (UTM 23S).
    static let south = GeoBoundingBox(
        minLongitude: -48.0, minLatitude: -15.04, maxLongitude: -47.96, maxLatitude: -15.0)

    /// Midnight UTC of a day.
    static func day(_ year: Int, _ month: Int, _ day: Int) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: DateComponents(year: year, month: month, day: day))!
    }

    static let june = day(2024, 6, 15)
    static let july = day(2024, 7, 2)
}

/// The cells of a scene's band file.
func syntheticCells<Cell: RasterCell>(
    _ scene: SyntheticScene, _ file: String, as type: Cell.Type
) throws -> (
    cells: [Cell], width: Int, height: Int
) {
    let raster = try Raster.open(scene.itemURL.deletingLastPathComponent().appendingPathComponent(file))
    return (try raster.read(raster.fullWindow, as: type), raster.width, raster.height)
}
