import Foundation
import TaskRuntime
import Testing

/// Single submissions that arrive together are inserted together (`JobSubmitter`'s group commit):
/// each caller still gets its own job, or its own error, and a job that cannot be inserted does not
/// take the others of its group down with it.
@Suite("Grouped inserts")
struct GroupedInsertTests {
    static let catalog = TaskCatalog([
        TaskEntry(
            TaskDefinition(
                name: "plain", version: 1, summary: "A job.", queue: "q", timeout: .seconds(60),
                input: Schema(type: [.object], additionalProperties: true), output: Schema(type: [.object]),
                location: SourceLocation(file: "GroupedInsertTests.swift", line: 1, column: 1))
        ) { (input: JSONValue, _: JobContext) in input }
    ])

    @Test(arguments: StoreKind.allCases)
    func concurrentSubmissionsAreEachAnsweredWithTheirOwnJob(kind: StoreKind) async throws {
        try await kind.withStore { store in
            let submitter = JobSubmitter(catalog: Self.catalog, store: store)
            let answers = try await withThrowingTaskGroup(of: (Int, Job).self) { group in
                for n in 0..<200 {
                    group.addTask { (n, try await submitter.submit(task: "plain", input: ["n": .integer(n)]).job) }
                }
                return try await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
            }
            #expect(answers.count == 200)
            for (n, job) in answers {
                #expect(job.input == ["n": .integer(n)])
                #expect(try await store.job(id: job.id)?.input == ["n": .integer(n)])
            }
        }
    }

    @Test(arguments: StoreKind.allCases)
    func aJobThatCannotBeInsertedFailsAloneInItsGroup(kind: StoreKind) async throws {
        try await kind.withStore { store in
            let submitter = JobSubmitter(catalog: Self.catalog, store: store)
            let taken = try await submitter.submit(task: "plain", input: [:]).job.id
            let outcomes = await withTaskGroup(of: (Int, Result<UUID, any Error>).self) { group in
                for n in 0..<100 {
                    // Every tenth reuses a stored job's ID: the database refuses it.
                    let job = NewJob(
                        id: n % 10 == 0 ? taken : .random(), task: "plain", version: 1, queue: "q",
                        input: ["n": .integer(n)], maxAttempts: 1)
                    group.addTask {
                        do { return (n, .success(try await submitter.enqueue(job).job.id)) } catch {
                            return (n, .failure(error))
                        }
                    }
                }
                return await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
            }
            for (n, outcome) in outcomes {
                switch outcome {
                case .success(let id):
                    #expect(n % 10 != 0)
                    #expect(try await store.job(id: id)?.input == ["n": .integer(n)])
                case .failure:
                    #expect(n % 10 == 0)
                }
            }
            #expect(try await store.job(id: taken)?.input == [:])
        }
    }
}
