import Foundation

/// Where an ``S3ArtifactStore`` keeps objects: an endpoint, a bucket, a key prefix, a region, and
/// whether the bucket goes in the path (`http://host/bucket/key`, MinIO, SeaweedFS) or in the host
/// name (`https://bucket.s3.region.amazonaws.com/key`, AWS's default).
public struct S3Location: Sendable, Hashable {
    /// `http(s)://host[:port]`, without a path.
    public var endpoint: URL
    public var bucket: String
    /// Prepended to every key with a `/` (`runs/2026` stores `ab/<id>` at `runs/2026/ab/<id>`); may be empty.
    public var prefix: String
    public var region: String
    public var pathStyle: Bool

    public init(endpoint: URL, bucket: String, prefix: String, region: String, pathStyle: Bool) {
        self.endpoint = endpoint
        self.bucket = bucket
        self.prefix = prefix
        self.region = region
        self.pathStyle = pathStyle
    }

    /// The `Host` header of every request (with the port when the endpoint names one).
    var host: String {
        let name = endpoint.host ?? ""
        let base = pathStyle ? name : "\(bucket).\(name)"
        return endpoint.port.map { "\(base):\($0)" } ?? base
    }

    /// The decoded request path of `key` (which ``StorageKey`` has checked).
    func path(forKey key: String) -> String {
        let objectKey = prefix.isEmpty ? key : "\(prefix)/\(key)"
        return pathStyle ? "/\(bucket)/\(objectKey)" : "/\(objectKey)"
    }

    /// The URL of `path` with `query` (both decoded), encoded exactly as SigV4 signs them.
    func url(path: String, query: [(name: String, value: String)] = []) -> String {
        let scheme = endpoint.scheme ?? "https"
        let encodedQuery = query.isEmpty ? "" : "?" + SigV4Signer.canonicalQuery(query)
        return "\(scheme)://\(host)\(SigV4Signer.encodePath(path))\(encodedQuery)"
    }
}
