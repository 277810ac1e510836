import Foundation
import TaskRuntime
import Testing

/// A job's own timeout (``NewJob/timeout``): kept through every way in and every claim, on both stores.
extension JobStoreConformanceTests {
    @Test(arguments: StoreKind.allCases)
    func aJobsOwnTimeoutIsKeptThroughEnqueueDedupAndClaim(kind: StoreKind) async throws {
        try await kind.withStore { store in
            var limited = NewJob.sample(input: ["n": 1])
            limited.timeout = .milliseconds(1500)
            let plain = NewJob.sample(input: ["n": 2])
            let stored = try await store.enqueue([limited, plain])
            #expect(stored.map(\.timeout) == [.milliseconds(1500), nil])
            #expect(try await store.job(id: limited.id)?.timeout == .milliseconds(1500))
            var deduplicated = NewJob.sample(input: ["n": 3])
            deduplicated.timeout = .seconds(7)
            let outcome = try await store.enqueueDeduplicated(deduplicated, key: "timeout-key", reuseResultFor: .zero)
            #expect(outcome.job.timeout == .seconds(7))
            let claimed = try await store.claim(
                queues: ["default"], limit: 10, worker: "w1", leaseDuration: .seconds(30))
            #expect(Set(claimed.map(\.timeout)) == [.milliseconds(1500), nil, .seconds(7)])
        }
    }
}
