import Crypto
import Foundation
import TaskRuntime

/// AWS Signature Version 4 (`AWS4-HMAC-SHA256`), as S3 uses it: the canonical request, the string
/// to sign, the derived signing key and the signature, for an `Authorization` header or for a
/// presigned URL. Paths are encoded once and never normalised (S3's rule).
///
/// Checked against the AWS SigV4 test suite and the S3 presigned-URL example in `SigV4SignerTests`.
public struct SigV4Signer: Sendable {
    /// `UNSIGNED-PAYLOAD`: the payload hash of presigned URLs, whose body the signer never sees.
    public static let unsignedPayload = "UNSIGNED-PAYLOAD"

    public var credentials: SigV4Credentials
    public var region: String
    /// `s3` for S3; the test suite uses `service`.
    public var service: String

    public init(credentials: SigV4Credentials, region: String, service: String = "s3") {
        self.credentials = credentials
        self.region = region
        self.service = service
    }

    /// The lowercase hex SHA-256 of `payload`, for `x-amz-content-sha256` and the canonical request.
    public static func payloadHash(_ payload: some DataProtocol) -> String {
        Hex.encode(SHA256.hash(data: payload))
    }

    /// The `Authorization` header value for `request` with the payload hashing to `payloadHash`,
    /// signed at `date` (which must also be the request's `x-amz-date` header).
    public func authorization(for request: SigV4Request, payloadHash: String, date: Date) -> String {
        let canonical = canonicalRequest(request, payloadHash: payloadHash)
        let signature = self.signature(of: canonical.text, date: date)
        return "AWS4-HMAC-SHA256 Credential=\(credentials.accessKeyID)/\(scope(date)), "
            + "SignedHeaders=\(canonical.signedHeaders), Signature=\(signature)"
    }

    /// The query parameters that presign `request` (signing its `host` header, and any others it
    /// lists) for `expiresIn` seconds from `date`, `X-Amz-Signature` last: append them to the URL.
    public func presignedQuery(for request: SigV4Request, date: Date, expiresIn: Int) -> [(name: String, value: String)]
    {
        var signing = request
        let signedHeaders = Self.canonicalHeaders(request.headers).signedHeaders
        var added: [(name: String, value: String)] = [
            ("X-Amz-Algorithm", "AWS4-HMAC-SHA256"),
            ("X-Amz-Credential", "\(credentials.accessKeyID)/\(scope(date))"),
            ("X-Amz-Date", Self.timestamp(date)),
            ("X-Amz-Expires", String(expiresIn)),
        ]
        if let token = credentials.sessionToken { added.append(("X-Amz-Security-Token", token)) }
        added.append(("X-Amz-SignedHeaders", signedHeaders))
        signing.query += added
        let canonical = canonicalRequest(signing, payloadHash: Self.unsignedPayload)
        return request.query + added + [("X-Amz-Signature", signature(of: canonical.text, date: date))]
    }

    /// The canonical request (its text, and the `;`-joined lowercase names of the signed headers).
    public func canonicalRequest(_ request: SigV4Request, payloadHash: String) -> (text: String, signedHeaders: String)
    {
        let headers = Self.canonicalHeaders(request.headers)
        let text = [
            request.method.uppercased(),
            Self.encodePath(request.path),
            Self.canonicalQuery(request.query),
            headers.text,
            headers.signedHeaders,
            payloadHash,
        ].joined(separator: "\n")
        return (text, headers.signedHeaders)
    }

    /// The string to sign for `canonicalRequest` at `date`.
    public func stringToSign(canonicalRequest: String, date: Date) -> String {
        ["AWS4-HMAC-SHA256", Self.timestamp(date), scope(date), Self.payloadHash(Data(canonicalRequest.utf8))]
            .joined(separator: "\n")
    }

    /// The hex signature of `canonicalRequest` at `date`.
    func signature(of canonicalRequest: String, date: Date) -> String {
        let key = signingKey(date)
        let toSign = stringToSign(canonicalRequest: canonicalRequest, date: date)
        return Hex.encode(HMAC<SHA256>.authenticationCode(for: Data(toSign.utf8), using: key))
    }

    /// HMAC chain: `AWS4` + secret, then the date, region, service and `aws4_request`.
    private func signingKey(_ date: Date) -> SymmetricKey {
        var key = SymmetricKey(data: Data("AWS4\(credentials.secretAccessKey)".utf8))
        for part in [Self.datestamp(date), region, service, "aws4_request"] {
            key = SymmetricKey(data: HMAC<SHA256>.authenticationCode(for: Data(part.utf8), using: key))
        }
        return key
    }

    private func scope(_ date: Date) -> String {
        "\(Self.datestamp(date))/\(region)/\(service)/aws4_request"
    }

    // MARK: Canonical parts

    /// `path` with every byte but the unreserved ones and `/` percent-encoded, once; an empty path is `/`.
    public static func encodePath(_ path: String) -> String {
        path.isEmpty ? "/" : percentEncode(path, keeping: "/")
    }

    /// Parameters sorted by encoded name, then encoded value, as `name=value` joined by `&`.
    static func canonicalQuery(_ query: [(name: String, value: String)]) -> String {
        let encoded: [(name: String, value: String)] = query.map { (percentEncode($0.name), percentEncode($0.value)) }
        let sorted = encoded.sorted { first, second in
            first.name == second.name ? first.value < second.value : first.name < second.name
        }
        return sorted.map { "\($0.name)=\($0.value)" }.joined(separator: "&")
    }

    /// Lowercase names, sorted; values trimmed with inner runs of spaces collapsed; repeated names
    /// joined with `,` in their order.
    static func canonicalHeaders(_ headers: [(name: String, value: String)]) -> (text: String, signedHeaders: String) {
        var values: [String: [String]] = [:]
        for header in headers {
            let value = header.value.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
            values[header.name.lowercased(), default: []].append(value.trimmingCharacters(in: .whitespaces))
        }
        let names = values.keys.sorted()
        let text = names.map { "\($0):\(values[$0]!.joined(separator: ","))\n" }.joined()
        return (text, names.joined(separator: ";"))
    }

    /// RFC 3986 encoding of every byte but `A-Z a-z 0-9 - . _ ~` (and `keeping`), uppercase hex.
    static func percentEncode(_ text: String, keeping: Character? = nil) -> String {
        let kept = keeping.flatMap(\.asciiValue)
        var encoded = ""
        for byte in text.utf8 {
            if isUnreserved(byte) || byte == kept {
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                encoded += "%" + Hex.encode([byte]).uppercased()
            }
        }
        return encoded
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        let isLetter =
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
        let isDigit = (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        return isLetter || isDigit || Array("-._~".utf8).contains(byte)
    }

    // MARK: Dates

    /// `20150830T123600Z`.
    public static func timestamp(_ date: Date) -> String {
        let parts = utc.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return datestamp(date) + "T" + [parts.hour!, parts.minute!, parts.second!].map(twoDigits).joined() + "Z"
    }

    /// `20150830`.
    static func datestamp(_ date: Date) -> String {
        let parts = utc.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d", parts.year!) + twoDigits(parts.month!) + twoDigits(parts.day!)
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }

    private static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()
}
