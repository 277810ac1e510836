import Foundation
import TaskRuntime
import Testing

/// `claim` with rate limits: the store's token buckets, shared by every claimer.
extension JobStoreConformanceTests {
    /// A bucket that refills once in ~17 minutes: within a test, only its burst is ever available.
    static let slowRule = RateLimitRule(key: "provider", tasks: ["search"], perSecond: 0.001, burst: 2)

    static func claimRequest(limit: Int, rule: RateLimitRule = slowRule, worker: String = "w1") -> ClaimRequest {
        ClaimRequest(queues: ["default"], limit: limit, worker: worker, leaseDuration: .seconds(30), rateLimits: [rule])
    }

    @Test(arguments: StoreKind.allCases)
    func aClaimStartsNoMoreRateLimitedJobsThanTheBucketHoldsAndOthersStillRun(kind: StoreKind) async throws {
        try await kind.withStore { store in
            var limited = NewJob.sample(priority: 5)
            limited.task = "search"
            _ = try await store.enqueue(
                Array(repeating: limited, count: 5).map { job in
                    var job = job
                    job.id = UUID()
                    return job
                } + [.sample(), .sample(), .sample()])
            let first = try await store.claim(Self.claimRequest(limit: 10))
            #expect(first.jobs.count { $0.task == "search" } == 2)
            #expect(first.jobs.count { $0.task == "echo" } == 3)
            // Highest priority first: the limited jobs that got tokens lead.
            #expect(first.jobs.prefix(2).allSatisfy { $0.task == "search" })
            let wait = try #require(first.nextTokenIn)
            #expect(wait > .seconds(900) && wait <= .seconds(1000))
            let second = try await store.claim(Self.claimRequest(limit: 10))
            #expect(second.jobs.isEmpty)
            #expect(try await store.jobs(matching: JobQuery(task: "search", state: .pending)).jobs.count == 3)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func concurrentClaimsNeverHandOutMoreTokensThanTheBucketHolds(kind: StoreKind) async throws {
        try await kind.withStore { store in
            _ = try await store.enqueue(
                (0..<20).map { n in
                    NewJob(task: "search", version: 1, queue: "default", input: ["n": .integer(n)], maxAttempts: 1)
                })
            let started = try await withThrowingTaskGroup(of: Int.self) { group in
                for worker in 0..<8 {
                    group.addTask {
                        try await store.claim(Self.claimRequest(limit: 5, worker: "w\(worker)")).jobs.count
                    }
                }
                return try await group.reduce(0, +)
            }
            #expect(started == Self.slowRule.burst)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func tasksSharingAKeyShareOneBucket(kind: StoreKind) async throws {
        try await kind.withStore { store in
            let rule = RateLimitRule(key: "provider", tasks: ["search", "news"], perSecond: 0.001, burst: 3)
            _ = try await store.enqueue(
                ["search", "news", "search", "news", "search"].map { task in
                    NewJob(task: task, version: 1, queue: "default", input: [:], maxAttempts: 1)
                })
            let claimed = try await store.claim(Self.claimRequest(limit: 10, rule: rule))
            #expect(claimed.jobs.map(\.task) == ["search", "news", "search"])
        }
    }

    @Test func aBucketRefillsAtItsRateUpToItsBurst() {
        let rule = RateLimitRule(key: "k", tasks: ["t"], perSecond: 2, burst: 3)
        #expect(rule.refilled(0, after: .milliseconds(500)) == 1)
        #expect(rule.refilled(0.5, after: .seconds(1)) == 2.5)
        #expect(rule.refilled(1, after: .seconds(60)) == 3)
        #expect(rule.timeUntilToken(from: 0.25) == .seconds(0.375))
        #expect(rule.timeUntilToken(from: 1.5) == .zero)
    }
}

extension JobStoreConformanceTests {
    @Test(arguments: StoreKind.allCases)
    func spendingTakesTokensOnlyWhileTheBucketHoldsThem(kind: StoreKind) async throws {
        try await kind.withStore { store in
            // 3 an hour: a full bucket of 3, refilled at one token per 20 minutes (nothing, in a test).
            let rule = RateLimitRule(key: "principal:alice", tasks: [], perSecond: 3.0 / 3600, burst: 3)
            let batch = try await store.spendRateTokens(2, of: rule)
            #expect(batch.granted && batch.remaining < 1.01 && batch.remaining >= 1)
            #expect(try await store.spendRateTokens(1, of: rule).granted)
            let refused = try await store.spendRateTokens(1, of: rule)
            #expect(!refused.granted && refused.remaining < 1)
            #expect(rule.timeUntil(1, from: refused.remaining) > .seconds(1000))
            let other = RateLimitRule(key: "principal:bob", tasks: [], perSecond: 3.0 / 3600, burst: 3)
            #expect(try await store.spendRateTokens(3, of: other).granted, "each key has its own bucket")
            #expect(
                try await !store.spendRateTokens(4, of: RateLimitRule(key: "big", tasks: [], perSecond: 1, burst: 3))
                    .granted)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func concurrentSpendsNeverTakeMoreThanTheBucketHolds(kind: StoreKind) async throws {
        try await kind.withStore { store in
            let rule = RateLimitRule(key: "principal:many", tasks: [], perSecond: 1.0 / 3600, burst: 5)
            let granted = try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 0..<20 { group.addTask { try await store.spendRateTokens(1, of: rule).granted } }
                return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(granted == 5)
        }
    }
}
