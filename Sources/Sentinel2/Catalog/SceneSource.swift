import Foundation

/// Where scenes come from.
public protocol SceneSource: Sendable {
    /// Scenes whose footprint intersects `bbox`, acquired on UTC days from the day of `start`
    /// through the day of `end` (both inclusive).
    func scenes(intersecting bbox: GeoBoundingBox, acquiredFrom start: Date, through end: Date) async throws -> [Scene]
}
