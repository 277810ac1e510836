import AsyncHTTPClient
import Crypto
import Foundation
import NIOCore
import TaskArtifacts
import TaskRuntime
import TaskforgeTestSupport
import Tasks
import Testing

/// `POST /v1/artifacts`, `GET /v1/artifacts/{id}` and `/meta` on a live server: raw and JSON
/// uploads, downloads, lineage, the size limit while streaming, refusals of every kind, artifacts
/// written by handlers and the redirect to a presigned link on S3.
@Suite("Artifact API")
struct ArtifactAPITests {
    @Test func aRawUploadIsStoredAndDownloadedAsSent() async throws {
        try await TestServer.with(
            catalog: GeneratedTasks.catalog, openAPIDocument: GeneratedTasks.openAPIDocument, transport: .loopback
        ) {
            server in
            let bytes = Data((0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 7) })
            let created = try await server.upload(
                "/v1/artifacts?name=r%C3%A9sum%C3%A9%20v1.bin", bytes, contentType: "application/x-test")
            #expect(created.status == 201)
            let id = try #require(created.json["id"]?.stringValue)
            #expect(created.headers["location"] == "/v1/artifacts/\(id)")
            #expect(created.json["name"] == "résumé v1.bin")
            #expect(created.json["size"] == .integer(300_000))
            #expect(created.json["sha256"] == .string(Self.sha256(bytes)))
            #expect(created.json["job_id"] == .null)
            #expect(
                created.json["links"] == [
                    "self": .string("/v1/artifacts/\(id)"), "meta": .string("/v1/artifacts/\(id)/meta"),
                ])

            let download = try await server.download("/v1/artifacts/\(id)")
            #expect(download.status == 200)
            #expect(download.body == bytes)
            #expect(download.headers["content-type"] == "application/x-test")
            #expect(download.headers["content-length"] == "300000")
            #expect(
                download.headers["content-disposition"]
                    == "attachment; filename=\"r_sum_ v1.bin\"; filename*=UTF-8''r%C3%A9sum%C3%A9%20v1.bin")

            let meta = try await server.request("GET", "/v1/artifacts/\(id)/meta").json
            #expect(meta["producer"] == .null)
            #expect(meta["inputs"] == .null)
            #expect(meta["storage_key"] == .string("\(id.prefix(2))/\(id)"))
        }
    }

    /// The seeds' form: `task_id`, `type`, `content_type`, `data_base64`; attached to a job, the
    /// artifact shows its lineage, and the job lists it.
    @Test func theJSONFormAttachesAnArtifactToAJob() async throws {
        try await TestServer.with(
            catalog: GeneratedTasks.catalog, openAPIDocument: GeneratedTasks.openAPIDocument, transport: .loopback
        ) {
            server in
            let job = try #require(try await server.submit("echo", ["message": "hello"]).json["id"]?.stringValue)
            try await server.waitForJob(job) { $0["state"] == "succeeded" }
            let created = try await server.request(
                "POST", "/v1/artifacts",
                body:
                    #"{"task_id":"\#(job)","type":"log","content_type":"text/plain","data_base64":"SGVsbG8gd29ybGQ="}"#)
            #expect(created.status == 201)
            let id = try #require(created.json["id"]?.stringValue)
            #expect(created.json["name"] == "log")
            #expect(created.json["job_id"] == .string(job))
            #expect(try await server.download("/v1/artifacts/\(id)").body == Data("Hello world".utf8))

            let meta = try await server.request("GET", "/v1/artifacts/\(id)/meta").json
            #expect(
                meta["producer"] == [
                    "job_id": .string(job), "attempt": 1, "task": "echo", "task_version": 1, "stage": .null,
                ])
            #expect(meta["inputs"]?["input"] == ["message": "hello"])
            #expect(meta["inputs"]?["input_sha256"] == .string(ContentHash.sha256Hex(#"{"message":"hello"}"#)))

            let listed = try await server.job(job)["artifacts"]
            #expect(listed == .array([created.json]))
        }
    }

    /// A body streamed without a length stops at the limit: 413, and no file is left.
    @Test func theSizeLimitHoldsWhileStreaming() async throws {
        try await TestServer.with(
            catalog: GeneratedTasks.catalog, openAPIDocument: GeneratedTasks.openAPIDocument, maxArtifactBytes: 1 << 20,
            transport: .loopback
        ) { server in
            let streamed = try await server.upload("/v1/artifacts?name=big.bin", Data(count: 3 << 20), chunked: true)
            #expect(streamed.status == 413)
            #expect(streamed.json["code"] == "artifact_size_exceeded")
            #expect(streamed.json["max_bytes"] == .integer(1 << 20))
            let declared = try await server.upload("/v1/artifacts?name=big.bin", Data(count: (1 << 20) + 1))
            #expect(declared.status == 413)
            let envelope = try await server.request(
                "POST", "/v1/artifacts", body: #"{"data_base64":"\#(Data(count: 2 << 20).base64EncodedString())"}"#)
            #expect(envelope.json["code"] == "artifact_size_exceeded")
            #expect(try await server.upload("/v1/artifacts?name=fits.bin", Data(count: 1 << 20)).status == 201)
            let root = (server.artifacts as! LocalArtifactStore).root.string
            let files = FileManager.default.enumerator(atPath: root)?.allObjects.compactMap { $0 as? String } ?? []
            #expect(files.filter { $0.count > 3 }.count == 1, "only the artifact that fits is stored: \(files)")
        }
    }

    @Test func badUploadsAndLookupsAreRefusedWithTheirCode() async throws {
        try await TestServer.with(
            catalog: GeneratedTasks.catalog, openAPIDocument: GeneratedTasks.openAPIDocument, transport: .loopback
        ) {
            server in
            let noName = try await server.upload("/v1/artifacts", Data("x".utf8))
            #expect(
                noName.status == 201 && noName.json["name"] == "artifact", "a raw upload's name defaults to 'artifact'")
            let badJob = try await server.upload("/v1/artifacts?name=a&job_id=nope", Data("x".utf8))
            #expect(badJob.status == 400 && badJob.json["parameter"] == "job_id")
            let badJobInJSONForm = try await server.request(
                "POST", "/v1/artifacts?job_id=nope", body: #"{"data_base64":""}"#)
            #expect(badJobInJSONForm.status == 400 && badJobInJSONForm.json["parameter"] == "job_id")
            let lenientBase64 = try await server.request("POST", "/v1/artifacts", body: #"{"data_base64":"SGVs bG8="}"#)
            #expect(
                lenientBase64.json["violations"]?.arrayValue?.first?["pointer"] == "/data_base64", "base64 is strict")
            for name in ["..%2F..%2Fetc%2Fpasswd", "..", "a%5Cb", "x%00y", ""] {
                let refused = try await server.upload("/v1/artifacts?name=\(name)", Data("x".utf8))
                #expect(refused.status == 400, "name \(name)")
                #expect(refused.json["code"] == "invalid_parameter", "name \(name)")
            }
            let badType = try await server.upload("/v1/artifacts?name=a.txt", Data("x".utf8), contentType: "not a type")
            #expect(badType.json["code"] == "invalid_artifact")

            let malformed = try await server.request(
                "POST", "/v1/artifacts", body: #"{"name":"../x","data_base64":"%%%","colour":1,"content_type":7}"#)
            #expect(malformed.status == 422)
            #expect(malformed.json["code"] == "invalid_artifact")
            let pointers = malformed.json["violations"]?.arrayValue?.compactMap { $0["pointer"]?.stringValue }.sorted()
            #expect(pointers == ["/colour", "/content_type", "/data_base64", "/name"])
            // The seeds' spelling is checked even when the other one names the artifact.
            let seedType = try await server.request(
                "POST", "/v1/artifacts", body: #"{"name":"ok.txt","type":"a/b","data_base64":""}"#)
            #expect(seedType.status == 422 && seedType.json["violations"]?.arrayValue?.first?["pointer"] == "/type")
            #expect(try await server.request("POST", "/v1/artifacts", body: "[1]").json["code"] == "invalid_artifact")
            #expect(try await server.request("POST", "/v1/artifacts", body: "{").json["code"] == "invalid_json")
            let notAnID = try await server.request(
                "POST", "/v1/artifacts", body: #"{"job_id":"nope","task_id":"AAA","data_base64":""}"#)
            #expect(notAnID.status == 422 && notAnID.json["code"] == "invalid_artifact")
            let idPointers = notAnID.json["violations"]?.arrayValue?.compactMap { $0["pointer"]?.stringValue }
            #expect(idPointers == ["/job_id", "/task_id"])
            let noJob = try await server.request(
                "POST", "/v1/artifacts", body: #"{"job_id":"\#(UUID())","data_base64":""}"#)
            #expect(noJob.status == 404)
            #expect(noJob.json["code"] == "job_not_found")
            let unknownJob = try await server.upload("/v1/artifacts?name=a&job_id=\(UUID())", Data("x".utf8))
            #expect(unknownJob.json["code"] == "job_not_found")

            for id in ["not-a-uuid", UUID().uuidString, "..%2F..%2Fjobs.sqlite", "%2E%2E"] {
                let missing = try await server.request("GET", "/v1/artifacts/\(id)")
                #expect(missing.status == 404, "id \(id)")
                #expect(missing.json["code"] == "artifact_not_found", "id \(id)")
                #expect(
                    try await server.request("GET", "/v1/artifacts/\(id)/meta").json["code"] == "artifact_not_found")
            }
            #expect(try await server.request("DELETE", "/v1/artifacts").status == 405)
        }
    }

    /// A handler (in the worker's process) writes artifacts from bytes and from a file; the job lists them.
    @Test func handlersWriteArtifactsOfTheirJob() async throws {
        try await TestServer.with(
            catalog: ArtifactWritingTask.catalog, openAPIDocument: "{}", maxArtifactBytes: 1024, transport: .loopback
        ) {
            server in
            let job = try #require(try await server.submit("render", ["text": "a,b\n"]).json["id"]?.stringValue)
            let finished = try await server.waitUntilFinished(job)
            #expect(finished["state"] == "succeeded")
            let artifacts = try #require(finished["artifacts"]?.arrayValue)
            #expect(artifacts.map { $0["name"] } == ["table.csv", "copy.csv"])
            for artifact in artifacts {
                let id = try #require(artifact["id"]?.stringValue)
                #expect(try await server.download("/v1/artifacts/\(id)").body == Data("a,b\n".utf8))
                let meta = try await server.request("GET", "/v1/artifacts/\(id)/meta").json
                #expect(meta["producer"]?["task"] == "render")
                #expect(meta["producer"]?["attempt"] == 1)
            }
            let tooLarge = try #require(
                try await server.submit("render", ["text": .string(String(repeating: "x", count: 1025))]).json["id"]?
                    .stringValue)
            let failed = try await server.waitUntilFinished(tooLarge)
            #expect(failed["error"]?["code"] == "artifact_size_exceeded")
        }
    }

    /// On S3 the download redirects to a presigned link that works without credentials.
    @Test func onS3TheDownloadRedirectsToAPresignedLink() async throws {
        let s3 = try S3TestServer.fromEnvironment().store()
        try await TestServer.with(
            catalog: GeneratedTasks.catalog, openAPIDocument: GeneratedTasks.openAPIDocument, artifacts: s3,
            transport: .loopback
        ) { server in
            let bytes = Data((0..<(6 << 20)).map { UInt8(truncatingIfNeeded: $0 >> 3) })
            let created = try await server.upload("/v1/artifacts?name=data.bin", bytes, chunked: true)
            #expect(created.status == 201)
            let id = try #require(created.json["id"]?.stringValue)
            let redirect = try await server.download("/v1/artifacts/\(id)")
            #expect(redirect.status == 302)
            let link = try #require(redirect.headers["location"])
            #expect(link.contains("X-Amz-Signature="))
            let fetched = try await HTTPClient.shared.execute(HTTPClientRequest(url: link), timeout: .seconds(60))
            #expect(fetched.status == .ok)
            #expect(
                Self.sha256(Data(try await fetched.body.collect(upTo: 16 << 20).readableBytesView))
                    == Self.sha256(bytes))
        }
    }

    static func sha256(_ data: Data) -> String {
        Hex.encode(SHA256.hash(data: data))
    }
}

/// A task `render` whose handler writes `text` as table.csv (bytes) and copy.csv (from a file).
enum ArtifactWritingTask {
    struct Input: Codable, Sendable { var text: String }
    struct Output: Codable, Sendable { var count: Int }

    static var catalog: TaskCatalog {
        let definition = TaskDefinition(
            name: "render", version: 1, summary: "Render a table.", queue: "default", timeout: .seconds(30),
            retry: RetryPolicy(maxAttempts: 1, backoff: .fixed, initial: .milliseconds(1), max: .milliseconds(1)),
            input: Schema(type: [.object], additionalProperties: true), output: Schema(type: [.object]),
            location: SourceLocation(file: "tasks.yaml", line: 1, column: 1))
        return TaskCatalog([
            TaskEntry(definition) { (input: Input, job: JobContext) -> Output in
                try await job.artifacts.write(name: "table.csv", contentType: "text/csv", from: Data(input.text.utf8))
                let file = FileManager.default.temporaryDirectory.appendingPathComponent("render-\(UUID()).csv")
                defer { try? FileManager.default.removeItem(at: file) }
                try Data(input.text.utf8).write(to: file)
                try await job.artifacts.write(name: "copy.csv", contentType: "text/csv", from: file)
                return Output(count: 2)
            }
        ])
    }
}
