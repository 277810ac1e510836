import Foundation

/// The Sentinel-2 scenes described by STAC item files under a folder.
///
/// Every `*.json` file under the folder (searched recursively, hidden files and folders left out) is
/// read once, at creation. A file that is not a STAC Item of Sentinel-2 with all required bands on
/// disk — other JSON, a catalog or collection, malformed JSON, a missing band, a missing file, a
/// remote href — yields no scene and is listed in `skipped` with the reason. When two files carry
/// the same item id, the first in path order is kept and the other skipped.
public struct LocalSceneCatalog: SceneSource {
    /// The catalog folder.
    public let folder: URL
    /// The usable scenes, in path order of their item files.
    public let scenes: [Scene]
    /// The JSON files that yielded no scene, in path order, with the reason.
    public let skipped: [SkippedCatalogEntry]

    /// Reads every STAC item under `folder`.
    /// - Throws: `CatalogError.folderNotFound` or `.notAFolder` when `folder` is not an existing folder.
    public init(folder: URL) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) else {
            throw CatalogError.folderNotFound(folder)
        }
        guard isDirectory.boolValue else { throw CatalogError.notAFolder(folder) }
        self.folder = folder
        var scenes: [Scene] = []
        var skipped: [SkippedCatalogEntry] = []
        var firstFileByID: [String: URL] = [:]
        for url in Self.jsonFiles(under: folder) {
            switch Self.readScene(at: url) {
            case .success(let scene):
                if let earlier = firstFileByID[scene.id] {
                    skipped.append(
                        SkippedCatalogEntry(url: url, reason: "duplicate of item \(scene.id) in \(earlier.path)"))
                } else {
                    firstFileByID[scene.id] = url
                    scenes.append(scene)
                }
            case .failure(let failure):
                skipped.append(SkippedCatalogEntry(url: url, reason: failure.reason))
            }
        }
        self.scenes = scenes
        self.skipped = skipped
    }

    /// Scenes whose footprint intersects `bbox`, acquired on UTC days from the day of `start` through
    /// the day of `end` (inclusive), ordered by time and then id.
    public func scenes(
        intersecting bbox: GeoBoundingBox, acquiredFrom start: Date, through end: Date
    ) async throws -> [Scene] {
        let firstDay = UTCCalendar.startOfDay(start)
        let dayAfterLast = UTCCalendar.adding(days: 1, to: end)
        return
            scenes
            .filter { $0.datetime >= firstDay && $0.datetime < dayAfterLast && $0.intersects(bbox) }
            .sorted { ($0.datetime, $0.id) < ($1.datetime, $1.id) }
    }

    /// Why one file yields no scene.
    private struct Failure: Error {
        let reason: String
    }

    private static func jsonFiles(under folder: URL) -> [URL] {
        guard
            let enumerator = FileManager.default.enumerator(
                at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else { return [] }
        return enumerator.compactMap { $0 as? URL }
            .filter { url in
                url.pathExtension.lowercased() == "json"
                    && (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true
            }
            .sorted { $0.path < $1.path }
    }

    private static func readScene(at url: URL) -> Result<Scene, Failure> {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            return .failure(Failure(reason: "unreadable: \(error.localizedDescription)"))
        }
        let json: STACValue
        do {
            json = try JSONDecoder().decode(STACValue.self, from: data)
        } catch {
            return .failure(Failure(reason: "malformed JSON"))
        }
        if let notAnItem = notAnItemReason(json) {
            return .failure(Failure(reason: "not a STAC Item (\(notAnItem))"))
        }
        do {
            return .success(try STACItem.decoded(from: data).scene(itemURL: url))
        } catch let error as DecodingError {
            return .failure(Failure(reason: "invalid STAC Item: \(error.reason)"))
        } catch {
            return .failure(Failure(reason: String(describing: error)))
        }
    }

    /// Why a JSON document is not a STAC Item, or nil when it looks like one.
    private static func notAnItemReason(_ json: STACValue) -> String? {
        guard case .object(let object) = json else { return "not a JSON object" }
        guard let type = object["type"]?.stringValue else { return "no \"type\"" }
        guard type == "Feature" else { return "type \"\(type)\"" }
        guard object["stac_version"] != nil else { return "a GeoJSON Feature without stac_version" }
        return nil
    }
}
