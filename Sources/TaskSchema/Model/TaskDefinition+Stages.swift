extension TaskDefinition {
    /// The queue a new job is put on: the first stage's for a staged task, the task's otherwise.
    public var initialQueue: String { stages.first?.queue ?? queue }

    /// Every queue the task's attempts are claimed from: the task's and each stage's.
    public var queues: Set<String> { Set([queue] + stages.map(\.queue)) }

    /// The job's overall progress (0...100) while stage `index` is at `percent` (0...100) of its own
    /// work: the weights of the stages before it count in full, its own in proportion. For a
    /// single-stage task it is `percent`; for a staged one `percent` is clamped to 0...100 first (a
    /// value that is not finite counts as 0), so a stage never reports past its share.
    public func overallProgress(stage index: Int, percent: Double) -> Double {
        guard !stages.isEmpty else { return percent }
        let clamped = percent.isFinite ? min(max(percent, 0), 100) : 0
        let total = stages.reduce(0) { $0 + $1.weight }
        let done = stages.prefix(index).reduce(0) { $0 + $1.weight }
        let current = stages.indices.contains(index) ? stages[index].weight : 0
        return min(100, (Double(done) + Double(current) * clamped / 100) / Double(total) * 100)
    }
}
