import ArgumentParser
import Foundation
import TaskArtifacts
import TaskRuntime

/// Where `serve` and `worker` keep artifacts and how large they may be.
struct ArtifactOptions: ParsableArguments {
    // No default shown in --help: the environment's URL is shown as it is.
    @Option(
        name: .customLong("artifacts"),
        help: """
            Where artifacts are kept (env: TASKFORGE_ARTIFACTS_URL): s3://bucket/prefix for S3-compatible storage \
            (endpoint, region, path style and credentials from TASKFORGE_S3_ENDPOINT, AWS_REGION, \
            TASKFORGE_S3_PATH_STYLE, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY), or file:///dir; \
            by default files under --data-dir/artifacts.
            """)
    var artifactsURL: String?

    @Option(help: "The largest artifact accepted, in MiB (env: TASK_MAX_ARTIFACT_MB).")
    var maxArtifactMb: Int = ProcessInfo.processInfo.environment["TASK_MAX_ARTIFACT_MB"].flatMap { Int($0) } ?? 25

    @Option(help: "The largest dataset accepted, in MiB (env: TASK_MAX_DATASET_MB).")
    var maxDatasetMb: Int = ProcessInfo.processInfo.environment["TASK_MAX_DATASET_MB"].flatMap { Int($0) } ?? 10240

    @Option(help: "Seconds a presigned S3 download link stays valid.")
    var artifactLinkSeconds: Int = 900

    func validate() throws {
        if let text = ProcessInfo.processInfo.environment["TASK_MAX_ARTIFACT_MB"], Int(text).map({ $0 < 1 }) ?? true {
            throw ValidationError("TASK_MAX_ARTIFACT_MB must be a positive integer, found '\(text)'")
        }
        guard maxArtifactMb >= 1 else { throw ValidationError("--max-artifact-mb must be at least 1") }
        if let text = ProcessInfo.processInfo.environment["TASK_MAX_DATASET_MB"], Int(text).map({ $0 < 1 }) ?? true {
            throw ValidationError("TASK_MAX_DATASET_MB must be a positive integer, found '\(text)'")
        }
        guard maxDatasetMb >= 1 else { throw ValidationError("--max-dataset-mb must be at least 1") }
        guard (1...604_800).contains(artifactLinkSeconds) else {
            throw ValidationError("--artifact-link-seconds must be from 1 to 604800 (7 days, S3's longest)")
        }
    }

    var maxArtifactBytes: Int64 { Int64(maxArtifactMb) << 20 }
    var maxDatasetBytes: Int64 { Int64(maxDatasetMb) << 20 }

    /// Stores artifacts and datasets in `store`, recording them in `jobs`, within these limits.
    func recorder(store: any ArtifactStore, jobs: any JobStore) -> ArtifactRecorder {
        ArtifactRecorder(store: store, jobs: jobs, maxBytes: maxArtifactBytes, maxDatasetBytes: maxDatasetBytes)
    }

    /// The store named by `--artifacts`, else files under `dataDirectory/artifacts`.
    func store(dataDirectory: String) throws -> any ArtifactStore {
        let environment = ProcessInfo.processInfo.environment
        do {
            return try ArtifactStorageConfiguration.store(
                url: artifactsURL ?? environment["TASKFORGE_ARTIFACTS_URL"], dataDirectory: dataDirectory,
                environment: environment)
        } catch let error as ArtifactStorageError {
            throw ValidationError("--artifacts: \(error)")
        }
    }
}
