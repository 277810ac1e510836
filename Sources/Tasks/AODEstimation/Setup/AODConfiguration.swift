import Foundation
import Sentinel2
import TaskRuntime

/// The `aod_estimation` task's settings, read from the environment: `DATA_FOLDER`, the folder of the
/// scene catalog (STAC item JSON files beside their band GeoTIFFs; default `data/scenes` under the
/// working directory).
public struct AODConfiguration: Sendable {
    public var dataFolder: URL

    public init(
        environment: [String: String],
        workingDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    ) {
        let path = environment["DATA_FOLDER"].flatMap { $0.isEmpty ? nil : $0 } ?? "data/scenes"
        dataFolder = URL(fileURLWithPath: path, relativeTo: workingDirectory).standardizedFileURL
    }

    /// Sets up the task in `setup`: its scene catalog for the stage handlers and its submission check
    /// (``BoundingBoxCheck``).
    public func install(into setup: inout TaskSetup) {
        setup.services.provide(SceneCatalogLocation(folder: dataFolder))
        setup.admit(AodEstimation.definition) { (input: AodEstimation.Input) throws(SubmissionRefusal) in
            let violations = BoundingBoxCheck.violations(in: input.bboxes)
            guard violations.isEmpty else { throw .invalidParameters(violations) }
            return input
        }
    }
}

/// Where the stage handlers find scenes: the catalog folder, read afresh by each attempt so that
/// scenes added while a worker runs are seen.
struct SceneCatalogLocation: Sendable {
    let folder: URL

    /// The scenes of the folder; a missing folder fails the job with `scene_catalog_missing`.
    func catalog() throws -> LocalSceneCatalog {
        guard FileManager.default.fileExists(atPath: folder.path) else {
            throw TaskError.permanent(
                "scene_catalog_missing",
                "the scene catalog folder \(folder.path) (DATA_FOLDER) does not exist on this worker")
        }
        return try LocalSceneCatalog(folder: folder)
    }
}
