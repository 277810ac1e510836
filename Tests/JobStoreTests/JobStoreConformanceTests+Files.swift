import Foundation
import TaskRuntime
import TaskforgeTestSupport
import Testing

/// Jobs that wait for their files: created `waiting` with their declared files, started by the
/// last required upload (also when uploads complete at once), started explicitly or refused with
/// the missing names, expired, cancelled, and never claimed while waiting.
extension JobStoreConformanceTests {
    @Test(arguments: StoreKind.allCases)
    func aJobWithFilesWaitsUntilItsLastRequiredFileIsStored(kind: StoreKind) async throws {
        try await kind.withStore { store in
            let job = try await store.enqueue([.withFiles()])[0]
            #expect(job.state == .waiting)
            #expect(try await store.files(ofJob: job.id).map(\.name) == ["pre", "post", "prj"])
            #expect(
                try await store.claim(queues: ["default"], limit: 5, worker: "w1", leaseDuration: .seconds(30)).isEmpty)

            #expect(try await store.attachUpload("u1", toFile: "pre", ofJob: job.id))
            #expect(try await store.attachUpload("u1", toFile: "nope", ofJob: job.id) == false)
            #expect(try await store.files(ofJob: job.id).first?.uploadID == "u1")

            let pre = Artifact.sample(producer: nil, createdAt: Date())
            try await store.recordArtifact(pre)
            guard
                case .recorded(let afterPre) = try await store.completeFile(
                    FileCompletion(jobID: job.id, name: "pre", artifact: pre))
            else { throw TestFailure("the first file was not recorded") }
            #expect(afterPre.state == .waiting)
            // The same file again changes nothing.
            guard
                case .notWaiting = try await store.completeFile(
                    FileCompletion(jobID: job.id, name: "pre", artifact: pre))
            else { throw TestFailure("a completed file was recorded twice") }

            let post = Artifact.sample(producer: nil, createdAt: Date())
            try await store.recordArtifact(post)
            guard
                case .recorded(let started) = try await store.completeFile(
                    FileCompletion(jobID: job.id, name: "post", artifact: post))
            else { throw TestFailure("the last required file was not recorded") }
            #expect(started.state == .pending)

            let files = try await store.files(ofJob: job.id)
            #expect(files.map(\.isComplete) == [true, true, false])
            #expect(files[0].sha256 == pre.sha256 && files[0].size == pre.size && files[0].artifactID == pre.id)
            #expect(files[0].uploadID == nil && files[0].completedAt != nil)
            #expect(try await store.claimOne().id == job.id)
            let states = try await store.events(forJob: job.id).map(\.state)
            #expect(states == [.waiting, .pending, .running])
        }
    }

    @Test(arguments: StoreKind.allCases)
    func filesCompletingAtOnceStartTheJobExactlyOnce(kind: StoreKind) async throws {
        try await kind.withStore { store in
            for _ in 0..<10 {
                let job = try await store.enqueue([.withFiles()])[0]
                let artifacts = [
                    Artifact.sample(producer: nil, createdAt: Date()), .sample(producer: nil, createdAt: Date()),
                ]
                for artifact in artifacts { try await store.recordArtifact(artifact) }
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for (name, artifact) in zip(["pre", "post"], artifacts) {
                        group.addTask {
                            _ = try await store.completeFile(
                                FileCompletion(jobID: job.id, name: name, artifact: artifact))
                        }
                    }
                    try await group.waitForAll()
                }
                #expect(try await store.job(id: job.id)?.state == .pending)
            }
        }
    }

    @Test(arguments: StoreKind.allCases)
    func startingAWaitingJobNeedsEveryRequiredFile(kind: StoreKind) async throws {
        try await kind.withStore { store in
            let job = try await store.enqueue([.withFiles()])[0]
            guard case .filesMissing(_, let missing) = try await store.startWaitingJob(id: job.id) else {
                throw TestFailure("a job without its files started")
            }
            #expect(missing == ["pre", "post"])
            for name in ["pre", "post"] {
                let artifact = Artifact.sample(producer: nil, createdAt: Date())
                try await store.recordArtifact(artifact)
                _ = try await store.completeFile(FileCompletion(jobID: job.id, name: name, artifact: artifact))
            }
            guard case .notWaiting(let started) = try await store.startWaitingJob(id: job.id) else {
                throw TestFailure("a job that started by itself could be started again")
            }
            #expect(started.state == .pending)
            guard case .notFound = try await store.startWaitingJob(id: UUID()) else {
                throw TestFailure("an unknown job started")
            }
        }
    }

    @Test(arguments: StoreKind.allCases)
    func waitingJobsExpireAndCanBeCancelled(kind: StoreKind) async throws {
        try await kind.withStore { store in
            let jobs = try await store.enqueue([.withFiles(), .withFiles(), .sample()])
            #expect(try await store.expireWaitingJobs(createdBefore: jobs[0].createdAt.addingTimeInterval(-1)).isEmpty)
            guard case .cancelled(let cancelled) = try await store.requestCancel(id: jobs[1].id) else {
                throw TestFailure("a waiting job was not cancelled at once")
            }
            #expect(cancelled.state == .cancelled)
            let expired = try await store.expireWaitingJobs(createdBefore: Date().addingTimeInterval(1))
            #expect(expired.map(\.id) == [jobs[0].id])
            #expect(expired.first?.state == .failed && expired.first?.error?.code == .filesMissing)
            #expect(try await store.job(id: jobs[2].id)?.state == .pending)
            let artifact = Artifact.sample(producer: nil, createdAt: Date())
            try await store.recordArtifact(artifact)
            guard
                case .notWaiting = try await store.completeFile(
                    FileCompletion(jobID: jobs[0].id, name: "pre", artifact: artifact))
            else { throw TestFailure("a file was recorded for an expired job") }
            #expect(try await store.attachUpload("late", toFile: "pre", ofJob: jobs[0].id) == false)
        }
    }
}

extension NewJob {
    /// A job of a task with two required files and an optional one.
    static func withFiles() -> NewJob {
        let location = SourceLocation(file: "tasks.yaml", line: 1, column: 1)
        return NewJob(
            task: "survey", version: 1, queue: "default", input: [:], maxAttempts: 1,
            files: [
                FileInput(name: "pre", location: location), FileInput(name: "post", location: location),
                FileInput(name: "prj", required: false, location: location),
            ])
    }
}
