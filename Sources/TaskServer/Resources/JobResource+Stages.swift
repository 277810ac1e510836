import TaskRuntime

extension JobResource {
    /// The stages of a multi-stage job, in order: the completed ones `succeeded` with their timings,
    /// the current one in the job's own state (its `started_at` is its last attempt's), later ones
    /// `pending`.
    static func stageBodies(_ job: Job, _ stages: [Stage]) -> [JobStageBody] {
        stages.enumerated().map { index, stage in
            if job.stageResults.indices.contains(index) {
                let result = job.stageResults[index]
                return JobStageBody(
                    name: stage.name, state: .succeeded, startedAt: Timestamp(result.startedAt),
                    finishedAt: Timestamp(result.finishedAt), attempts: result.attempts)
            }
            guard index == job.stageIndex else {
                return JobStageBody(name: stage.name, state: .pending, startedAt: nil, finishedAt: nil, attempts: 0)
            }
            return JobStageBody(
                name: stage.name, state: job.state,
                startedAt: job.attempt > 0 ? job.startedAt.map(Timestamp.init) : nil,
                finishedAt: job.finishedAt.map(Timestamp.init), attempts: job.attempt)
        }
    }
}
