import AsyncHTTPClient
import Crypto
import Foundation
import NIOCore
import TaskRuntime
import TaskforgeTestSupport
import Testing

@testable import TaskArtifacts

/// The S3 store against a real S3-compatible server that checks signatures (SeaweedFS), with
/// boto3 as an independent client.
@Suite struct S3ArtifactStoreTests {
    @Test func aWrongSecretIsRefusedByTheServer() async throws {
        let store = try S3TestServer.fromEnvironment().store(environment: ["AWS_SECRET_ACCESS_KEY": "not-the-secret"])
        let error = await #expect(throws: ArtifactStorageError.self) {
            try await store.put(key: "ab/refused", contentType: "text/plain", body: PatternBody(count: 10))
        }
        #expect(error?.description.contains("SignatureDoesNotMatch") == true, "\(String(describing: error))")
    }

    /// A presigned URL is fetched by a plain GET without credentials; a tampered one is refused.
    @Test func presignedURLsWorkWithoutCredentials() async throws {
        let store = try S3TestServer.fromEnvironment().store()
        let body = PatternBody(count: 300_000)
        try await store.put(key: "ab/linked", contentType: "application/x-test", body: body)
        let url = try #require(try store.temporaryURL(key: "ab/linked", expiresIn: .seconds(300)))
        #expect(url.query?.contains("X-Amz-Expires=300") == true)
        let response = try await HTTPClient.shared.execute(
            HTTPClientRequest(url: url.absoluteString), timeout: .seconds(30))
        #expect(response.status == .ok)
        #expect(response.headers.first(name: "content-type") == "application/x-test")
        #expect(Array(try await response.body.collect(upTo: 1 << 20).readableBytesView) == body.bytes)

        let tampered = url.absoluteString.replacingOccurrences(of: "ab/linked", with: "ab/linkee")
        let refused = try await HTTPClient.shared.execute(HTTPClientRequest(url: tampered), timeout: .seconds(30))
        #expect(refused.status == .forbidden)
    }

    /// A link signed two hours ago for one minute has expired: the server refuses it.
    @Test func anExpiredLinkIsRefused() async throws {
        let store = try S3TestServer.fromEnvironment().store()
        try await store.put(key: "ab/expiring", contentType: "text/plain", body: PatternBody(count: 10))
        let expired = try #require(
            try store.temporaryURL(
                key: "ab/expiring", expiresIn: .seconds(60), signedAt: Date().addingTimeInterval(-7200)))
        let refused = try await HTTPClient.shared.execute(
            HTTPClientRequest(url: expired.absoluteString), timeout: .seconds(30))
        #expect(refused.status == .forbidden)
        let fresh = try #require(try store.temporaryURL(key: "ab/expiring", expiresIn: .seconds(60)))
        let fetched = try await HTTPClient.shared.execute(
            HTTPClientRequest(url: fresh.absoluteString), timeout: .seconds(30))
        #expect(fetched.status == .ok)
    }

    /// An object of three parts written by Taskforge is read back by boto3 with the same SHA-256,
    /// and a multipart upload whose body failed left no upload open in the bucket.
    @Test func boto3ReadsWhatTaskforgeWrote() async throws {
        let server = try S3TestServer.fromEnvironment()
        let store = try server.store(partSize: S3ArtifactStore.minimumPartSize)
        let body = PatternBody(count: 11 << 20, chunk: 1 << 20)
        try await store.put(key: "ab/for-boto3", contentType: "text/csv", body: body)
        await #expect(throws: BrokenConnection.self) {
            try await store.put(
                key: "ab/aborted", contentType: "text/plain",
                body: PatternBody(count: 6 << 20, chunk: 1 << 20, failure: BrokenConnection()))
        }
        let key = store.location.prefix + "/ab/for-boto3"
        let script = """
            import boto3, botocore, hashlib, json, os, sys
            s3 = boto3.client("s3", endpoint_url=os.environ["TASKFORGE_S3_ENDPOINT"], region_name=os.environ["AWS_REGION"],
                              config=botocore.config.Config(s3={"addressing_style": "path"}))
            bucket, key, prefix = sys.argv[1], sys.argv[2], sys.argv[3]
            answer = s3.get_object(Bucket=bucket, Key=key)
            uploads = s3.list_multipart_uploads(Bucket=bucket, Prefix=prefix).get("Uploads", [])
            print(json.dumps({"sha256": hashlib.sha256(answer["Body"].read()).hexdigest(),
                              "content_type": answer["ContentType"], "open_uploads": len(uploads)}))
            """
        let result = try await ProcessRunner.run(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["python3", "-c", script, store.location.bucket, key, store.location.prefix])
        try #require(result.status == 0, "boto3 failed: \(result.stderr)")
        let answer = try JSONDecoder().decode([String: AnyCodableValue].self, from: Data(result.stdout.utf8))
        let expected = try await body.sha256
        #expect(answer["sha256"] == .string(Hex.encode(expected)))
        #expect(answer["content_type"] == .string("text/csv"))
        #expect(answer["open_uploads"] == .number(0))
    }
}

/// A string or a number from boto3's JSON line.
enum AnyCodableValue: Decodable, Equatable {
    case string(String)
    case number(Double)

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else {
            self = .string(try container.decode(String.self))
        }
    }
}
