import Foundation
import TaskRuntime
import TaskforgeTestSupport
import Testing

/// A rate limit shared by four worker processes on one PostgreSQL (`throttled`: 5 a second, burst 1).
@Suite("Rate limit across processes", .serialized)
struct RateLimitClusterTests {
    @Test func fourWorkerProcessesStartJobsNoFasterThanTheSharedRate() async throws {
        try await Harness.with { harness in
            let count = 15
            for _ in 0..<4 { _ = try harness.worker(["--queues", "default=4"]) }
            try await eventually("four workers to serve the queue") {
                try await harness.store.queueStatus(now: Date()).first { $0.name == "default" }?.workers == 4
            }
            let ids = try await harness.enqueue("throttled", [:], count: count, maxAttempts: 1)
            try await eventually("every job to succeed", timeout: .seconds(60)) {
                try await harness.store.jobs(matching: JobQuery(task: "throttled", state: .succeeded, limit: 100)).jobs
                    .count
                    == count
            }
            var starts: [Date] = []
            for id in ids {
                let job = try #require(try await harness.store.job(id: id))
                starts.append(try #require(job.startedAt))
            }
            starts.sort()
            // Starts j - i apart need at least (j - i - burst) refills of 0.2 s, by the database's clock.
            for i in starts.indices {
                for j in starts.indices where j > i {
                    let needed = Double(j - i - 1) / 5
                    #expect(starts[j].timeIntervalSince(starts[i]) >= needed - 0.005, "starts \(i) and \(j)")
                }
            }
        }
    }
}
