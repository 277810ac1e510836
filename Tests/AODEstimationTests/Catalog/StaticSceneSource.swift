import Foundation
import Sentinel2

/// A scene source over a fixed list, filtering like `LocalSceneCatalog`.
struct StaticSceneSource: SceneSource {
    let scenes: [Scene]

    func scenes(intersecting bbox: GeoBoundingBox, acquiredFrom start: Date, through end: Date) async throws -> [Scene]
    {
        let first = UTCCalendar.startOfDay(start)
        let afterLast = UTCCalendar.adding(days: 1, to: end)
        return scenes.filter { $0.datetime >= first && $0.datetime < afterLast && $0.intersects(bbox) }
    }
}
