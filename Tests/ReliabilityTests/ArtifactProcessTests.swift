import AsyncHTTPClient
import Foundation
import TaskRuntime
import TaskforgeTestSupport
import Testing

/// Artifacts written by handlers in their own processes, forwarded to the worker and stored in
/// S3 by a `taskforge-testbed serve --artifacts s3://...` on PostgreSQL.
@Suite("Artifacts from handler processes")
struct ArtifactProcessTests {
    @Test func handlerProcessesWriteArtifactsIntoS3() async throws {
        let s3 = try S3TestServer.fromEnvironment()
        try await Harness.with { harness in
            let (_, url) = try await harness.serve(["--artifacts", s3.freshURL(), "--max-artifact-mb", "1"])
            let server = RemoteServer(baseURL: url)
            let job = try #require(
                try await server.submit("publish", ["text": "a line\n", "repeat": 3]).json["id"]?.stringValue)
            let finished = try await server.waitUntilFinished(job, timeout: .seconds(60))
            #expect(finished["state"] == "succeeded", "\(finished)")
            let artifacts = try #require(finished["artifacts"]?.arrayValue)
            #expect(artifacts.map { $0["name"] } == ["note.txt", "data.txt"])
            #expect(finished["output"]?["artifacts"] == .array(artifacts.compactMap { $0["id"] }))

            let data = try #require(artifacts.last?["id"]?.stringValue)
            let redirect = try await server.download("/v1/artifacts/\(data)")
            #expect(redirect.status == 302)
            let link = try #require(redirect.headers["location"])
            let fetched = try await HTTPClient.shared.execute(HTTPClientRequest(url: link), timeout: .seconds(30))
            #expect(fetched.status == .ok)
            #expect(String(buffer: try await fetched.body.collect(upTo: 1 << 20)) == "a line\na line\na line\n")
            let meta = try await server.request("GET", "/v1/artifacts/\(data)/meta").json
            #expect(meta["producer"]?["task"] == "publish")
            #expect(meta["producer"]?["job_id"] == .string(job))
            #expect(meta["size"] == 21)

            // 2 MB from a file in the handler process: past the 1 MiB limit, the job fails for good.
            let large = try #require(
                try await server.submit(
                    "publish", ["text": .string(String(repeating: "x", count: 1000)), "repeat": 2000]
                )
                .json["id"]?.stringValue)
            let failed = try await server.waitUntilFinished(large, timeout: .seconds(60))
            #expect(failed["state"] == "failed")
            #expect(failed["error"]?["code"] == "artifact_size_exceeded")
            #expect(failed["artifacts"]?.arrayValue?.map { $0["name"] } == ["note.txt"])
        }
    }
}
