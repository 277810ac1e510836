import Foundation

/// Reads an ``S3ArtifactStore``'s settings from `s3://bucket/prefix` and the environment:
///
/// | variable | meaning | default |
/// |---|---|---|
/// | `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` | credentials | required |
/// | `AWS_SESSION_TOKEN` | session token of temporary credentials | none |
/// | `AWS_REGION` (or `AWS_DEFAULT_REGION`) | the signing region | `us-east-1` |
/// | `TASKFORGE_S3_ENDPOINT` | `http(s)://host[:port]` of an S3-compatible server | `https://s3.<region>.amazonaws.com` |
/// | `TASKFORGE_S3_PATH_STYLE` | `true`: bucket in the path; `false`: in the host name | `true` with an endpoint, else `false` |
public enum S3Configuration {
    /// The location and credentials for `url` (`s3://bucket[/prefix]`), or an error naming what is wrong.
    public static func parse(_ url: String, environment: [String: String]) throws -> (S3Location, SigV4Credentials) {
        guard let components = URLComponents(string: url), components.scheme == "s3", let bucket = components.host,
            !bucket.isEmpty
        else { throw ArtifactStorageError("'\(url)' is not an s3://bucket/prefix URL") }
        guard bucket.range(of: "^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", options: .regularExpression) != nil else {
            throw ArtifactStorageError("'\(bucket)' is not a valid S3 bucket name")
        }
        let prefix = components.path.split(separator: "/").joined(separator: "/")
        guard prefix.isEmpty || StorageKey.isValid(prefix) else {
            throw ArtifactStorageError(
                "the key prefix '\(prefix)' may hold only lowercase letters, digits, '.', '_', '-' and '/'")
        }
        func value(_ name: String) -> String? {
            environment[name].flatMap { $0.isEmpty ? nil : $0 }
        }
        guard let key = value("AWS_ACCESS_KEY_ID"), let secret = value("AWS_SECRET_ACCESS_KEY") else {
            throw ArtifactStorageError("S3 artifact storage needs AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY")
        }
        let region = value("AWS_REGION") ?? value("AWS_DEFAULT_REGION") ?? "us-east-1"
        let endpointText = value("TASKFORGE_S3_ENDPOINT")
        guard let endpoint = URL(string: endpointText ?? "https://s3.\(region).amazonaws.com"),
            ["http", "https"].contains(endpoint.scheme), endpoint.host != nil,
            endpoint.path.isEmpty || endpoint.path == "/"
        else {
            throw ArtifactStorageError(
                "TASKFORGE_S3_ENDPOINT must be http(s)://host[:port], found '\(endpointText ?? "")'")
        }
        let pathStyle: Bool
        switch value("TASKFORGE_S3_PATH_STYLE")?.lowercased() {
        case nil: pathStyle = endpointText != nil
        case "true", "1", "yes": pathStyle = true
        case "false", "0", "no": pathStyle = false
        case let other?: throw ArtifactStorageError("TASKFORGE_S3_PATH_STYLE must be true or false, found '\(other)'")
        }
        return (
            S3Location(endpoint: endpoint, bucket: bucket, prefix: prefix, region: region, pathStyle: pathStyle),
            SigV4Credentials(accessKeyID: key, secretAccessKey: secret, sessionToken: value("AWS_SESSION_TOKEN"))
        )
    }
}
