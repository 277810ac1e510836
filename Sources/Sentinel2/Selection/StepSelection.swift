import Foundation

/// The scene chosen for one step of a time series, or why there is none.
public struct StepSelection: Sendable, Hashable {
    /// The step, 0 for the reference day.
    public var step: Int
    /// Midnight UTC of the step's target day.
    public var targetDate: Date
    /// The chosen scene; nil when no scene qualifies.
    public var scene: Scene?
    /// Scenes in the time window, before the cloud limit is applied.
    public var candidates: Int
    /// Nil when a scene was chosen; otherwise e.g. `no scene within ±3 days of 2024-05-22` or
    /// `2 scenes within ±3 days of 2024-05-22, all above 15% cloud cover (least 42.0%)`.
    public var reason: String?

    /// A step result from its parts.
    public init(step: Int, targetDate: Date, scene: Scene?, candidates: Int, reason: String?) {
        self.step = step
        self.targetDate = targetDate
        self.scene = scene
        self.candidates = candidates
        self.reason = reason
    }
}
