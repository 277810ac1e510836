import Foundation

/// The artifact store named by `--artifacts` (env `TASKFORGE_ARTIFACTS_URL`): nothing for local
/// files under the data directory, `file:///path` for local files elsewhere, `s3://bucket/prefix`
/// for S3-compatible storage configured by ``S3Configuration``'s environment variables.
public enum ArtifactStorageConfiguration {
    public static func store(
        url: String?, dataDirectory: String, environment: [String: String]
    ) throws
        -> any ArtifactStore
    {
        guard let url, !url.isEmpty else {
            return LocalArtifactStore(
                root: URL(fileURLWithPath: dataDirectory).appendingPathComponent("artifacts").path)
        }
        if url.hasPrefix("s3://") {
            let (location, credentials) = try S3Configuration.parse(url, environment: environment)
            return S3ArtifactStore(location: location, credentials: credentials)
        }
        if let file = URL(string: url), file.isFileURL, !file.path.isEmpty {
            return LocalArtifactStore(root: file.path)
        }
        throw ArtifactStorageError("'\(url)' is neither file:///path nor s3://bucket/prefix")
    }
}
