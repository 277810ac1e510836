/// Refuses to start a process whose catalog no longer declares a task that still has unfinished
/// jobs in the store: deleting a task from `tasks.yaml` must not strand its queued jobs silently.
public enum UndeclaredTaskCheck {
    /// Throws ``UndeclaredTasksWithJobs`` when the store holds unfinished jobs of tasks that `catalog` lacks.
    public static func verify(_ catalog: TaskCatalog, against store: any JobStore) async throws {
        let stranded = try await store.unfinishedJobCounts().filter { catalog.entry(named: $0.key) == nil }
        guard stranded.isEmpty else { throw UndeclaredTasksWithJobs(counts: stranded) }
    }
}

/// Unfinished jobs of tasks that `tasks.yaml` no longer declares, by task.
public struct UndeclaredTasksWithJobs: Error, Equatable, CustomStringConvertible {
    public var counts: [String: Int]

    public init(counts: [String: Int]) {
        self.counts = counts
    }

    public var description: String {
        let tasks = counts.sorted { $0.key < $1.key }.map { "'\($0.key)' (\($0.value) unfinished)" }
        return "tasks.yaml no longer declares \(tasks.joined(separator: ", ")), but the store still holds their jobs; "
            + "restore the task until its jobs finish, or cancel them with 'taskforge jobs cancel ID', then start again"
    }
}
