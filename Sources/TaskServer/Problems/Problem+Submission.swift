import TaskRuntime

extension Problem {
    /// A refused submission as a problem, the one wording of each refusal for a single submit, a
    /// batch item and a seed profile's route: `422 invalid_input` (with `violations`),
    /// `404 task_not_found` (naming the tasks there are), `410 task_version_retired`,
    /// `404 task_version_not_found`, and the task's own `422`/`503` refusals.
    static func submission(_ error: SubmissionError, knownTasks: [String]) -> Problem {
        switch error {
        case .invalidInput(let violations):
            return .invalidInput(violations)
        case .unknownTask(let name):
            return .taskNotFound(name, known: knownTasks)
        case .versionRetired(let task, let version, let current):
            return Problem(
                .gone, .taskVersionRetired,
                "task '\(task)' no longer accepts version \(version); submit a version-\(current) input "
                    + "(see GET /v1/tasks/\(task))")
        case .versionNotFound(let task, let version, let current):
            return Problem(
                .notFound, .taskVersionNotFound,
                "task '\(task)' has no version \(version); its current version is \(current)")
        case .refused(let refusal):
            return .refused(refusal)
        }
    }
}
