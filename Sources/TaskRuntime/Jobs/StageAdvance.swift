/// What an ``AttemptOutcome/advanced(_:)`` attempt hands over: the stage it completed and where the
/// job goes next.
public struct StageAdvance: Sendable, Hashable {
    /// The completed stage, appended to the job's ``Job/stageResults``.
    public var result: StageResult
    /// The 0-based index of the stage the job moves to.
    public var nextStage: Int
    /// Its declared name: the job's ``Job/stage`` from now on.
    public var nextStageName: String
    /// The queue it is claimed from.
    public var nextQueue: String
    /// The job's overall progress with the completed stages counted in full.
    public var progress: Double

    public init(result: StageResult, nextStage: Int, nextStageName: String, nextQueue: String, progress: Double) {
        self.result = result
        self.nextStage = nextStage
        self.nextStageName = nextStageName
        self.nextQueue = nextQueue
        self.progress = progress
    }
}
