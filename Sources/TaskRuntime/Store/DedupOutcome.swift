/// The result of ``JobStore/enqueueDeduplicated(_:key:reuseResultFor:)``.
public enum DedupOutcome: Sendable, Hashable {
    /// No job with the key was pending, running or reusable: the new job was inserted.
    case created(Job)
    /// A pending or running job has the key; nothing was inserted.
    case deduplicated(Job)
    /// A job with the key succeeded within the reuse window; nothing was inserted.
    case reused(Job)

    /// The job the submission stands for.
    public var job: Job {
        switch self {
        case .created(let job), .deduplicated(let job), .reused(let job): job
        }
    }

    /// How many times a store looks again when the job it conflicted with finished before it could be
    /// read: each round needs another submission to win the key and that job to end in between.
    static let rounds = 8

    /// The lookup a store runs for one submission with a dedup key: the newest reusable job, else an
    /// insert that does nothing when an active job holds the key (a unique index decides), else that
    /// active job. When the active job ended between the insert and the read, the round starts over.
    ///
    /// - Parameters:
    ///   - reusable: the newest job with the key that succeeded within the reuse window, if any.
    ///   - insert: inserts the job unless an active job holds the key; the inserted job, or `nil`.
    ///   - active: the pending or running job holding the key, if any.
    public static func resolve(
        reusable: () async throws -> Job?, insert: () async throws -> Job?, active: () async throws -> Job?
    ) async throws -> DedupOutcome {
        for _ in 0..<rounds {
            if let job = try await reusable() { return .reused(job) }
            if let job = try await insert() { return .created(job) }
            if let job = try await active() { return .deduplicated(job) }
        }
        throw DedupContention(rounds: rounds)
    }
}

/// Jobs with one dedup key kept ending between a conflicting insert and the read that followed.
public struct DedupContention: Error, CustomStringConvertible {
    public var rounds: Int

    public var description: String {
        "the job holding the dedup key finished before it could be read, \(rounds) times in a row"
    }
}
