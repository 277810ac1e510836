import Foundation
import Sentinel2
import TaskRuntime
import TaskforgeTestSupport

@testable import Tasks

/// A temporary scene catalog folder written by ``SyntheticCatalog``, removed when the test lets go of it.
final class SceneFolder: Sendable {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("aod-scenes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes the scenes of `spec` into the folder (seconds of GDAL work: off the task threads).
    @discardableResult
    func write(_ spec: SyntheticCatalogSpec) async throws -> [SyntheticScene] {
        let url = url
        return try await offTaskThreads { try SyntheticCatalog.write(spec, to: url) }
    }

    /// The `aod_estimation` task alone, reading its scenes from this folder.
    var catalog: TaskCatalog {
        var setup = TaskSetup()
        AODConfiguration(environment: ["DATA_FOLDER": url.path]).install(into: &setup)
        return TaskCatalog(GeneratedTasks.catalog.entries.filter { $0.definition.name == "aod_estimation" }).configured(
            setup)
    }

    /// Midnight UTC of `yyyy-MM-dd`.
    static func day(_ text: String) -> Date {
        AODRequest.day(text)!
    }

    /// A box `size` degrees wide and high with its south-west corner at `longitude`, `latitude`.
    static func box(_ longitude: Double, _ latitude: Double, size: Double) -> GeoBoundingBox {
        GeoBoundingBox(
            minLongitude: longitude, minLatitude: latitude, maxLongitude: longitude + size, maxLatitude: latitude + size
        )
    }
}
