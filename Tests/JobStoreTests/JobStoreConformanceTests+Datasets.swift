import Foundation
import TaskRuntime
import Testing

/// Datasets: recorded with their artifact, read back, listed newest first per owner, linked to the
/// jobs that read them (their input lineage), and deletable only when no unfinished job reads them.
extension JobStoreConformanceTests {
    @Test(arguments: StoreKind.allCases)
    func datasetsAreRecordedAndListedPerOwner(kind: StoreKind) async throws {
        try await kind.withStore { store in
            let first = Dataset.sample(owner: "alice")
            let second = Dataset.sample(owner: "bob")
            let third = Dataset.sample(owner: "alice")
            for dataset in [first, second, third] { try await store.recordDataset(dataset) }

            let read = try #require(try await store.dataset(id: second.id))
            #expect(read.matches(second))
            #expect(try await store.artifact(id: second.id)?.matches(second.artifact) == true)
            #expect(try await store.dataset(id: UUID()) == nil)

            let page = try await store.datasets(matching: DatasetQuery(limit: 2))
            #expect(page.datasets.map(\.id) == [third.id, second.id])
            let rest = try await store.datasets(matching: DatasetQuery(limit: 2, before: try #require(page.nextBefore)))
            #expect(rest.datasets.map(\.id) == [first.id])
            #expect(rest.nextBefore == nil)
            let alices = try await store.datasets(matching: DatasetQuery(owner: "alice"))
            #expect(alices.datasets.map(\.id) == [third.id, first.id])
        }
    }

    @Test(arguments: StoreKind.allCases)
    func jobsRecordTheDatasetsTheyReadAndKeepThemFromDeletion(kind: StoreKind) async throws {
        try await kind.withStore { store in
            let dataset = Dataset.sample(owner: nil)
            let other = Dataset.sample(owner: nil)
            for each in [dataset, other] { try await store.recordDataset(each) }
            var job = NewJob.sample()
            job.datasets = [dataset.id, other.id]
            _ = try await store.enqueue([job])
            let lineage = try await store.datasets(readBy: job.id)
            #expect(lineage.map(\.id) == [dataset.id, other.id])
            #expect(
                lineage[0]
                    == JobDataset(
                        id: dataset.id, name: dataset.artifact.name, sha256: dataset.artifact.sha256,
                        size: dataset.artifact.size))

            // Pending, then running: refused, nothing changed.
            guard case .inUse(_, let readers) = try await store.deleteDataset(id: dataset.id) else {
                Issue.record("a dataset a pending job reads was deleted")
                return
            }
            #expect(readers == [job.id])
            let claimed = try await store.claimOne()
            guard case .inUse = try await store.deleteDataset(id: dataset.id) else {
                Issue.record("a dataset a running job reads was deleted")
                return
            }
            #expect(try await store.finish(claimed.lease, .succeeded(output: [:]), handlerVersion: 1))

            // Finished: deleted, with its artifact; the job's lineage stays.
            guard case .deleted(let deleted) = try await store.deleteDataset(id: dataset.id) else {
                Issue.record("a dataset no unfinished job reads was not deleted")
                return
            }
            #expect(deleted.matches(dataset))
            #expect(try await store.dataset(id: dataset.id) == nil)
            #expect(try await store.artifact(id: dataset.id) == nil)
            #expect(try await store.datasets(readBy: job.id).map(\.id) == [dataset.id, other.id])
            #expect(try await store.deleteDataset(id: dataset.id) == .notFound)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func aJobNamingAMissingDatasetIsNotInserted(kind: StoreKind) async throws {
        try await kind.withStore { store in
            let dataset = Dataset.sample(owner: nil)
            try await store.recordDataset(dataset)
            let missing = UUID()
            let fine = NewJob.sample()
            var reading = NewJob.sample()
            reading.datasets = [dataset.id, missing]
            await #expect(throws: DatasetNotFound(id: missing)) { try await store.enqueue([fine, reading]) }
            #expect(try await store.job(id: fine.id) == nil)
            #expect(try await store.job(id: reading.id) == nil)
            #expect(try await store.datasets(readBy: reading.id).isEmpty)
        }
    }
}

extension Dataset {
    static func sample(owner: String?) -> Dataset {
        Dataset(
            artifact: .sample(producer: nil, createdAt: Date()), owner: owner, format: "csv", rowCount: 3,
            profile: [
                "format": "csv", "row_count": 3,
                "columns": [["name": "a", "type": "integer", "null_count": 0]],
                "preview": [["1"], ["2"], ["3"]],
            ])
    }

    /// Equal to `other`, `createdAt` to the microsecond.
    func matches(_ other: Dataset) -> Bool {
        var copy = self
        copy.artifact = other.artifact
        return copy == other && artifact.matches(other.artifact)
    }
}
