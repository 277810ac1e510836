import Foundation

/// A candidate scene with what `ScenePicker` ranks it by.
struct SceneRanking {
    /// The scene.
    let scene: Scene
    /// Fraction of the request box inside the scene footprint.
    let coverage: Double

    /// Whether this scene comes before `other` for a step targeting `target`: full coverage first,
    /// then lower cloud cover, then fewer UTC days from the target, then smaller id.
    func isPreferred(over other: SceneRanking, target: Date) -> Bool {
        let fullyCovers = coverage >= ScenePicker.fullCoverageThreshold
        let otherFullyCovers = other.coverage >= ScenePicker.fullCoverageThreshold
        if fullyCovers != otherFullyCovers { return fullyCovers }
        if scene.cloudCover != other.scene.cloudCover { return scene.cloudCover < other.scene.cloudCover }
        let distance = abs(UTCCalendar.days(from: target, to: scene.datetime))
        let otherDistance = abs(UTCCalendar.days(from: target, to: other.scene.datetime))
        if distance != otherDistance { return distance < otherDistance }
        return scene.id < other.scene.id
    }
}
