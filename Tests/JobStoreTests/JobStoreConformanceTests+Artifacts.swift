import Foundation
import TaskRuntime
import Testing

/// Artifact metadata and lineage: recorded, read back exactly, listed per job in order, and kept
/// when their job is pruned.
extension JobStoreConformanceTests {
    @Test(arguments: StoreKind.allCases)
    func artifactsAreRecordedWithTheirLineage(kind: StoreKind) async throws {
        try await kind.withStore { store in
            let job = try await store.enqueue([.sample()])[0]
            let claimed = try await store.claimOne()
            let createdAt = Date()
            let first = Artifact.sample(
                producer: ArtifactProducer(
                    jobID: job.id, attempt: claimed.attempt, task: "echo", taskVersion: 1, stage: "render"),
                createdAt: createdAt)
            let second = Artifact.sample(
                producer: ArtifactProducer(jobID: job.id, attempt: claimed.attempt, task: "echo", taskVersion: 1),
                createdAt: createdAt)
            let unattached = Artifact.sample(producer: nil, createdAt: createdAt)
            for artifact in [first, second, unattached] { try await store.recordArtifact(artifact) }

            #expect(try await store.artifact(id: first.id)?.matches(first) == true)
            #expect(try await store.artifact(id: unattached.id)?.matches(unattached) == true)
            #expect(try await store.artifact(id: UUID()) == nil)
            let listed = try await store.artifacts(ofJob: job.id)
            #expect(listed.map(\.id) == [first.id, second.id])
            #expect(zip(listed, [first, second]).allSatisfy { $0.matches($1) })
            #expect(try await store.artifacts(ofJob: UUID()).isEmpty)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func artifactsOutliveTheirPrunedJob(kind: StoreKind) async throws {
        try await kind.withStore { store in
            let job = try await store.enqueue([.sample()])[0]
            let claimed = try await store.claimOne()
            let artifact = Artifact.sample(
                producer: ArtifactProducer(jobID: job.id, attempt: claimed.attempt, task: "echo", taskVersion: 1),
                createdAt: Date())
            try await store.recordArtifact(artifact)
            #expect(try await store.finish(claimed.lease, .succeeded(output: [:]), handlerVersion: 1))
            #expect(try await store.pruneFinishedJobs(finishedBefore: Date().addingTimeInterval(60), limit: 10) == 1)
            #expect(try await store.job(id: job.id) == nil)
            #expect(try await store.artifact(id: artifact.id)?.matches(artifact) == true)
        }
    }
}

extension Artifact {
    /// Equal to `other`, `createdAt` to the microsecond (a store may round the last one either way).
    func matches(_ other: Artifact) -> Bool {
        var copy = self
        copy.createdAt = other.createdAt
        return copy == other && abs(createdAt.timeIntervalSince(other.createdAt)) < 0.000_002
    }

    static func sample(producer: ArtifactProducer?, createdAt: Date) -> Artifact {
        let id = UUID()
        return Artifact(
            id: id, name: "report \(id.uuidString.prefix(4)).csv", contentType: "text/csv; charset=utf-8",
            size: 5_000_000_000, sha256: String(repeating: "ab", count: 32), storageKey: Artifact.storageKey(for: id),
            createdAt: createdAt, producer: producer)
    }
}
