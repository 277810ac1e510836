import Foundation
import TaskRuntime

/// The last hour's finished counts, read from the store at most every ``maxAge`` and shared by every
/// request and live stream of the server. Counting an hour of a busy store takes the better part of a
/// second (`scripts/bench ui`: 0.45 s on a million jobs), and the charts are per minute: an open
/// overview must not recount them every second.
actor LastHourCache {
    private let store: any JobStore
    private let maxAge: TimeInterval
    private var cached: (at: Date, counts: [FinishedCount])?
    /// The read in flight, which concurrent callers wait for rather than start their own.
    private var reading: Task<[FinishedCount], any Error>?

    init(store: any JobStore, maxAge: Duration = .seconds(10)) {
        self.store = store
        self.maxAge = maxAge.seconds
    }

    /// The counts since an hour before `now`, at most ``maxAge`` old.
    func counts(now: Date) async throws -> [FinishedCount] {
        if let cached, now.timeIntervalSince(cached.at) < maxAge { return cached.counts }
        if let reading { return try await reading.value }
        let store = self.store
        let read = Task { try await store.finishedCounts(since: now.addingTimeInterval(-3600)) }
        reading = read
        defer { reading = nil }
        let counts = try await read.value
        cached = (now, counts)
        return counts
    }
}
