import TaskSchema
import Testing

@Suite struct StageProgressTests {
    private static let location = SourceLocation(file: "tasks.yaml", line: 1, column: 1)

    private static func task(weights: [Int]) -> TaskDefinition {
        TaskDefinition(
            name: "predict", version: 1, summary: "S.", queue: "default", timeout: .seconds(60),
            input: Schema(type: [.object]), output: Schema(type: [.object]),
            stages: weights.enumerated().map { index, weight in
                Stage(name: "s\(index)", queue: "q\(index)", timeout: .seconds(60), weight: weight, location: location)
            },
            location: location)
    }

    @Test func completedStagesCountInFullAndTheCurrentOneByItsWeight() {
        let task = Self.task(weights: [3, 1])
        #expect(task.overallProgress(stage: 0, percent: 0) == 0)
        #expect(task.overallProgress(stage: 0, percent: 50) == 37.5)
        #expect(task.overallProgress(stage: 1, percent: 0) == 75)
        #expect(task.overallProgress(stage: 1, percent: 100) == 100)
    }

    @Test func aStageNeverReportsPastItsShare() {
        let task = Self.task(weights: [1, 1])
        #expect(task.overallProgress(stage: 0, percent: 250) == 50)
        #expect(task.overallProgress(stage: 1, percent: -5) == 50)
        #expect(task.overallProgress(stage: 1, percent: .nan) == 50)
    }

    @Test func aSingleStageTaskReportsTheHandlersProgress() {
        #expect(Self.task(weights: []).overallProgress(stage: 0, percent: 42) == 42)
    }

    @Test func newJobsStartOnTheFirstStagesQueue() {
        #expect(Self.task(weights: [1, 1]).initialQueue == "q0")
        #expect(Self.task(weights: []).initialQueue == "default")
    }
}
