/// The parts of an HTTP request that AWS Signature Version 4 signs.
public struct SigV4Request: Sendable {
    public var method: String
    /// The path, decoded (`/my key/ሴ`): the signer and ``SigV4Signer/encodePath(_:)`` encode it.
    /// It is signed as it is, not normalised: S3 object keys may contain `//` and `.` segments.
    public var path: String
    /// Query parameters, decoded, in any order.
    public var query: [(name: String, value: String)]
    /// Headers to sign, in any order and case; `host` must be among them.
    public var headers: [(name: String, value: String)]

    public init(
        method: String, path: String, query: [(name: String, value: String)] = [],
        headers: [(name: String, value: String)]
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
    }
}
