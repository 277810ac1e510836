import Foundation
import TaskRuntime
import TaskforgeTestSupport
import Testing

/// Jobs found by their tasks' `search:` input fields, through the index the store keeps on insert,
/// whichever way the job was inserted; and jobs found by when they were created.
extension JobStoreConformanceTests {
    static func job(_ task: String, _ input: JSONValue) -> NewJob {
        NewJob(task: task, version: 1, queue: "default", input: input, maxAttempts: 1)
    }

    @Test(arguments: StoreKind.allCases)
    func jobsAreFoundByTheirSearchableInputFields(kind: StoreKind) async throws {
        try await kind.withStore { store in
            try await store.declareSearchFields(["search": ["query", "count", "safe", "boxes"], "echo": []])
            let long = String(repeating: "é", count: JobInputFilter.indexedTextLength) + " and more"
            let inserted = try await store.enqueue([
                Self.job("search", ["query": "swift", "count": 3, "safe": true, "boxes": [[1, 2, 3, 4]]]),
                Self.job("search", ["query": "rust", "count": 12.5]),
                Self.job("search", ["query": .string(long), "count": nil]),
                Self.job("search", ["query": .string(long.dropLast() + "!")]),
                Self.job("echo", ["query": "swift", "count": 3]),
            ])
            let deduplicated = try await store.enqueueDeduplicated(
                Self.job("search", ["query": "swift", "count": 40]), key: "k", reuseResultFor: .zero)
            guard case .created(let viaDedup) = deduplicated else {
                throw TestFailure("expected a new job, got \(deduplicated)")
            }
            let viaSchedule = try #require(
                try await store.enqueueScheduled(
                    Self.job("search", ["query": "swift"]), scheduleID: "s", tick: Date(timeIntervalSince1970: 0)))

            func found(_ filter: String, task: String? = nil) async throws -> [UUID] {
                let input = try #require(JobInputFilter(filter), "\(filter)")
                let ids = try await store.jobs(matching: JobQuery(task: task, limit: 100, input: input)).jobs.map(\.id)
                #expect(
                    try await store.countJobs(matching: JobQuery(task: task, input: input), upTo: 100) == ids.count,
                    "\(filter)")
                return ids
            }
            #expect(try await found("query=swift") == [viaSchedule.id, viaDedup.id, inserted[0].id])
            #expect(try await found("query=swift", task: "echo").isEmpty)  // echo declares no search field
            #expect(try await found("query=\(long)") == [inserted[2].id])
            #expect(try await found("query=\(long.dropLast())!") == [inserted[3].id])
            #expect(try await found("query=Swift").isEmpty)
            #expect(try await found("count=3") == [inserted[0].id])
            #expect(try await found("count=1..13") == [inserted[1].id, inserted[0].id])
            #expect(try await found("count=12.5..") == [viaDedup.id, inserted[1].id])
            #expect(try await found("count=..3") == [inserted[0].id])
            #expect(try await found("count?") == [viaDedup.id, inserted[1].id, inserted[0].id])  // null is absent
            #expect(try await found("safe=true") == [inserted[0].id])
            #expect(try await found("boxes?") == [inserted[0].id])
            #expect(try await found("nothing?").isEmpty)

            // Declaring again replaces the task's fields for jobs inserted from then on.
            try await store.declareSearchFields(["search": ["count"]])
            let later = try await store.enqueue([Self.job("search", ["query": "swift", "count": 3])])[0]
            #expect(try await found("query=swift") == [viaSchedule.id, viaDedup.id, inserted[0].id])
            #expect(try await found("count=3") == [later.id, inserted[0].id])

            // A pruned job leaves no index rows behind.
            var claimed: [Job] = []
            while true {
                let batch = try await store.claim(
                    queues: ["default"], limit: 100, worker: "w1", leaseDuration: .seconds(30))
                if batch.isEmpty { break }
                claimed += batch
            }
            for job in claimed {
                #expect(try await store.finish(job.lease, .succeeded(output: [:]), handlerVersion: 1))
            }
            let finishedBefore = Date().addingTimeInterval(3600)
            #expect(try await store.pruneFinishedJobs(finishedBefore: finishedBefore, limit: 100) == 8)
            #expect(try await found("count?").isEmpty)
        }
    }

    @Test func anInputFilterReadsValuesRangesAndPresence() throws {
        #expect(
            JobInputFilter("query=swift") == JobInputFilter(field: "query", match: .equals(text: "swift", number: nil)))
        #expect(JobInputFilter("n=3") == JobInputFilter(field: "n", match: .equals(text: "3", number: 3)))
        #expect(JobInputFilter("q=a=b") == JobInputFilter(field: "q", match: .equals(text: "a=b", number: nil)))
        #expect(JobInputFilter("q=") == JobInputFilter(field: "q", match: .equals(text: "", number: nil)))
        #expect(JobInputFilter("n=1..2.5") == JobInputFilter(field: "n", match: .range(lower: 1, upper: 2.5)))
        #expect(JobInputFilter("n=..-1") == JobInputFilter(field: "n", match: .range(lower: nil, upper: -1)))
        #expect(JobInputFilter("bboxes?") == JobInputFilter(field: "bboxes", match: .present))
        for bad in ["query", "=x", "?", "n=..", "n=a..2", "n=1..b", "two words=x"] {
            #expect(JobInputFilter(bad) == nil, "\(bad)")
        }
        for text in ["query=swift", "n=1..2.5", "n=..-1", "n=3..", "bboxes?"] {
            #expect(JobInputFilter(text)?.description == text)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func jobsAreFilteredByCreationTime(kind: StoreKind) async throws {
        try await kind.withStore { store in
            let first = try await store.enqueue([.sample()])[0]
            let second = try await store.enqueue([.sample()])[0]
            #expect(first.createdAt <= second.createdAt)
            let from = try await store.jobs(matching: JobQuery(createdFrom: second.createdAt)).jobs.map(\.id)
            #expect(from.first == second.id && from.count == (first.createdAt == second.createdAt ? 2 : 1))
            let before = try await store.jobs(matching: JobQuery(createdBefore: second.createdAt)).jobs.map(\.id)
            #expect(before == (first.createdAt == second.createdAt ? [] : [first.id]))
            #expect(
                try await store.jobs(matching: JobQuery(createdFrom: second.createdAt.addingTimeInterval(1))).jobs
                    .isEmpty)
            #expect(
                try await store.jobs(
                    matching: JobQuery(
                        createdFrom: first.createdAt, createdBefore: second.createdAt.addingTimeInterval(1))
                )
                .jobs.map(\.id) == [second.id, first.id])
        }
    }
}
