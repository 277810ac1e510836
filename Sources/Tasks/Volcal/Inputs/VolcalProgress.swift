/// Where a calculation is: its step, how far into that step, and how far into the whole run.
public struct VolcalProgress: Sendable, Hashable {
    public var step: VolcalStep
    /// 0...1 within the step.
    public var stepFraction: Double
    /// 0...1 of the whole run (steps weighted by their usual cost: computing is three quarters).
    public var overallFraction: Double

    init(step: VolcalStep, stepFraction: Double) {
        self.step = step
        self.stepFraction = min(1, max(0, stepFraction))
        overallFraction = step.span.start + step.span.length * self.stepFraction
    }
}
