import Foundation
import TaskforgeTestSupport
import Testing

/// `--artifacts`, `--max-artifact-mb` and their environment variables on `taskforge serve`.
@Suite("Artifact options")
struct ArtifactOptionsTests {
    @Test func badSettingsAreRefusedAtStart() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("taskforge-options-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        let serve = ["serve", "--port", "0", "--data-dir", directory.path]
        let cases: [(arguments: [String], environment: [String: String], message: String)] = [
            (["--artifacts", "ftp://example.com/x"], [:], "neither file:///path nor s3://bucket/prefix"),
            (["--artifacts", "s3://Bad_Bucket"], [:], "is not a valid S3 bucket name"),
            (["--artifacts", "s3://bucket/../up"], [:], "key prefix"),
            (
                ["--artifacts", "s3://bucket"], ["AWS_ACCESS_KEY_ID": "", "AWS_SECRET_ACCESS_KEY": ""],
                "needs AWS_ACCESS_KEY_ID"
            ),
            (
                ["--artifacts", "s3://bucket"],
                ["AWS_ACCESS_KEY_ID": "a", "AWS_SECRET_ACCESS_KEY": "b", "TASKFORGE_S3_PATH_STYLE": "maybe"],
                "TASKFORGE_S3_PATH_STYLE must be true or false"
            ),
            ([], ["TASKFORGE_ARTIFACTS_URL": "gopher://x"], "neither file:///path nor s3://bucket/prefix"),
            (["--max-artifact-mb", "0"], [:], "--max-artifact-mb must be at least 1"),
            ([], ["TASK_MAX_ARTIFACT_MB": "lots"], "TASK_MAX_ARTIFACT_MB must be a positive integer"),
            (["--artifact-link-seconds", "0"], [:], "--artifact-link-seconds must be from 1 to 604800"),
        ]
        for (arguments, environment, message) in cases {
            let result = try await CommandLineRunner.run(
                serve + arguments,
                environment: environment.merging(["TASKFORGE_DATABASE_URL": ""]) { first, _ in first })
            #expect(result.status != 0, "\(arguments) \(environment)")
            #expect(result.stderr.contains(message), "\(arguments) \(environment): \(result.stderr)")
        }
    }

    /// `--artifacts file:///dir` and `TASK_MAX_ARTIFACT_MB` reach the server.
    @Test func aFileStoreAndTheLimitFromTheEnvironmentAreUsed() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("taskforge-options-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let artifacts = directory.appendingPathComponent("kept")
        let process = try BackgroundProcess(
            try CommandLineRunner.executable,
            [
                "serve", "--port", "0", "--data-dir", directory.appendingPathComponent("data").path,
                "--artifacts", "file://" + artifacts.path,
            ],
            environment: ["TASKFORGE_DATABASE_URL": "", "TASK_MAX_ARTIFACT_MB": "1"],
            logFile: directory.appendingPathComponent("serve.log"))
        let server = RemoteServer(baseURL: try await process.listeningURL())
        let refused = try await server.upload("/v1/artifacts?name=big.bin", Data(count: 2 << 20), chunked: true)
        #expect(refused.json["code"] == "artifact_size_exceeded")
        #expect(refused.json["max_bytes"] == .integer(1 << 20))
        let stored = try await server.upload(
            "/v1/artifacts?name=small.txt", Data("kept".utf8), contentType: "text/plain")
        let id = try #require(stored.json["id"]?.stringValue)
        #expect(try Data(contentsOf: artifacts.appendingPathComponent("\(id.prefix(2))/\(id)")) == Data("kept".utf8))
        #expect(await process.terminate() == 0)
    }
}
