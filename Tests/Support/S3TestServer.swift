import Foundation
import TaskArtifacts

/// The S3-compatible server the tests use (SeaweedFS, started by `scripts/lib/s3.sh`), named by
/// `TASKFORGE_TEST_S3_URL` with its endpoint and credentials in the usual variables.
public struct S3TestServer: Sendable {
    /// `s3://bucket`, a bucket that exists.
    public var url: String
    public var environment: [String: String]

    /// The server of the environment; throws (never skips) when it is not configured.
    public static func fromEnvironment() throws -> S3TestServer {
        let environment = ProcessInfo.processInfo.environment
        guard let url = environment["TASKFORGE_TEST_S3_URL"], !url.isEmpty else {
            throw TestFailure(
                "set TASKFORGE_TEST_S3_URL, TASKFORGE_S3_ENDPOINT and the AWS_* credentials; scripts/test starts an S3 server (scripts/lib/s3.sh)"
            )
        }
        return S3TestServer(url: url, environment: environment)
    }

    /// `s3://bucket/<prefix>`, a fresh prefix of the test bucket for one test.
    public func freshURL() -> String {
        "\(url)/t-\(UUID().uuidString.lowercased())"
    }

    /// A store under a fresh prefix of the test bucket, with `partSize` for multipart uploads.
    public func store(partSize: Int = 8 << 20, environment overrides: [String: String] = [:]) throws -> S3ArtifactStore
    {
        let (location, credentials) = try S3Configuration.parse(
            freshURL(), environment: environment.merging(overrides) { $1 })
        return S3ArtifactStore(location: location, credentials: credentials, partSize: partSize)
    }
}
