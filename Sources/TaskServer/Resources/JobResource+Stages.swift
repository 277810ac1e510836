import TaskRuntime

extension JobResource {
    /// The stages of a multi-stage job, in order: the completed ones `succeeded` with their timings,
    /// the current one in the job's own state (its `started_at` is its last attempt's), later ones
    /// `pending`.
    static func stagesJSON(_ job: Job, _ stages: [Stage]) -> JSONValue {
        .array(
            stages.enumerated().map { index, stage in
                if job.stageResults.indices.contains(index) {
                    let result = job.stageResults[index]
                    return stageJSON(
                        stage.name, state: .succeeded, startedAt: timestamp(result.startedAt),
                        finishedAt: timestamp(result.finishedAt), attempts: result.attempts)
                }
                guard index == job.stageIndex else {
                    return stageJSON(stage.name, state: .pending, startedAt: .null, finishedAt: .null, attempts: 0)
                }
                return stageJSON(
                    stage.name, state: job.state,
                    startedAt: job.attempt > 0 ? job.startedAt.map(timestamp) ?? .null : .null,
                    finishedAt: job.finishedAt.map(timestamp) ?? .null, attempts: job.attempt)
            })
    }

    private static func stageJSON(
        _ name: String, state: JobState, startedAt: JSONValue, finishedAt: JSONValue, attempts: Int
    ) -> JSONValue {
        [
            "name": .string(name), "state": .string(state.rawValue), "started_at": startedAt,
            "finished_at": finishedAt, "attempts": .integer(attempts),
        ]
    }
}
