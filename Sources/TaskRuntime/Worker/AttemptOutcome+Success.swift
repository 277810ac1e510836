import Foundation

extension AttemptOutcome {
    /// How an attempt of `job` that returned `output` ends: ``succeeded(output:)``, or for a stage of
    /// a multi-stage task that is not the last, ``advanced(_:)`` to the next stage with the completed
    /// stage's result (timed from the attempt's start to `now`).
    static func success(
        of job: Job, output: JSONValue, definition: TaskDefinition, now: Date = Date()
    ) -> AttemptOutcome {
        let stages = definition.stages
        let next = job.stageIndex + 1
        guard stages.indices.contains(job.stageIndex), stages.indices.contains(next) else {
            return .succeeded(output: output)
        }
        let result = StageResult(
            name: stages[job.stageIndex].name, output: output, startedAt: job.startedAt ?? now, finishedAt: now,
            attempts: job.attempt)
        return .advanced(
            StageAdvance(
                result: result, nextStage: next, nextStageName: stages[next].name, nextQueue: stages[next].queue,
                progress: definition.overallProgress(stage: next, percent: 0)))
    }
}
