import Foundation
import Testing

@testable import TaskArtifacts

/// AWS Signature Version 4 against AWS's published vectors: the SigV4 test suite
/// (`aws-sig-v4-test-suite`, credentials `AKIDEXAMPLE`, 2015-08-30T12:36:00Z, region `us-east-1`,
/// service `service`) and the presigned-URL example of the S3 documentation ("Authenticating
/// Requests: Using Query Parameters").
@Suite struct SigV4SignerTests {
    static let suiteDate = Date(timeIntervalSince1970: 1_440_938_160)  // 20150830T123600Z
    static let suiteSigner = SigV4Signer(
        credentials: SigV4Credentials(
            accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
        region: "us-east-1", service: "service")
    static let emptyPayload = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

    struct Vector: CustomTestStringConvertible, Sendable {
        var name: String
        var method: String
        var path: String
        var query: [(name: String, value: String)] = []
        var headers: [(name: String, value: String)] = []
        var body = ""
        var signedHeaders = "host;x-amz-date"
        var signature: String

        var testDescription: String { name }

        var request: SigV4Request {
            SigV4Request(
                method: method, path: path, query: query,
                headers: [("Host", "example.amazonaws.com"), ("X-Amz-Date", "20150830T123600Z")] + headers)
        }
    }

    static let vectors: [Vector] = [
        Vector(
            name: "get-vanilla", method: "GET", path: "/",
            signature: "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
        Vector(
            name: "get-vanilla-query-order-key-case", method: "GET", path: "/",
            query: [("Param2", "value2"), ("Param1", "value1")],
            signature: "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500"),
        Vector(
            name: "get-utf8", method: "GET", path: "/\u{1234}",
            signature: "8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85"),
        // normalize-path/get-space: the one normalize-path case S3 signs the same way, since its
        // path needs encoding but no normalising.
        Vector(
            name: "get-space", method: "GET", path: "/example space/",
            signature: "652487583200325589f1fba4c7e578f72c47cb61beeca81406b39ddec1366741"),
        Vector(
            name: "post-x-www-form-urlencoded", method: "POST", path: "/",
            headers: [("Content-Type", "application/x-www-form-urlencoded")], body: "Param1=value1",
            signedHeaders: "content-type;host;x-amz-date",
            signature: "ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a"),
        Vector(
            name: "post-header-key-sort", method: "POST", path: "/", headers: [("My-Header1", "value1")],
            signedHeaders: "host;my-header1;x-amz-date",
            signature: "c5410059b04c1ee005303aed430f6e6645f61f4dc9e1461ec8f8916fdf18852c"),
    ]

    @Test(arguments: vectors)
    func signsTheTestSuiteRequests(_ vector: Vector) {
        let authorization = Self.suiteSigner.authorization(
            for: vector.request, payloadHash: SigV4Signer.payloadHash(Data(vector.body.utf8)), date: Self.suiteDate)
        #expect(
            authorization
                == "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
                + "SignedHeaders=\(vector.signedHeaders), Signature=\(vector.signature)")
    }

    /// get-vanilla.creq and .sts of the suite, the intermediate steps.
    @Test func writesTheCanonicalRequestAndTheStringToSign() {
        let request = Self.vectors[0].request
        let canonical = Self.suiteSigner.canonicalRequest(request, payloadHash: Self.emptyPayload).text
        #expect(
            canonical
                == "GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n\(Self.emptyPayload)"
        )
        #expect(
            Self.suiteSigner.stringToSign(canonicalRequest: canonical, date: Self.suiteDate)
                == "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n"
                + "bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63")
    }

    /// normalize-path/get-slashes and get-slash-dot-slash: the suite normalises `//example//` to
    /// `/example/`, S3 must not (an object key may hold `//`), so the path is signed as it is.
    @Test func leavesPathsUnnormalisedAsS3Requires() {
        for path in ["//example//", "/./", "/example/../other"] {
            let request = SigV4Request(method: "GET", path: path, headers: [("host", "example.amazonaws.com")])
            let canonical = Self.suiteSigner.canonicalRequest(request, payloadHash: Self.emptyPayload).text
            #expect(canonical.split(separator: "\n", omittingEmptySubsequences: false)[1] == Substring(path))
        }
    }

    @Test func trimsHeaderValuesAndJoinsRepeatedHeaders() {
        let request = SigV4Request(
            method: "GET", path: "/",
            headers: [("Host", "example.amazonaws.com"), ("My-Header1", "  a   b  "), ("my-header1", "c")])
        let canonical = Self.suiteSigner.canonicalRequest(request, payloadHash: Self.emptyPayload)
        #expect(canonical.text.contains("\nmy-header1:a b,c\n"))
        #expect(canonical.signedHeaders == "host;my-header1")
    }

    /// The S3 documentation's presigned GET of `examplebucket/test.txt`.
    @Test func presignsTheS3DocumentationExample() throws {
        let signer = SigV4Signer(
            credentials: SigV4Credentials(
                accessKeyID: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
            region: "us-east-1")
        let date = Date(timeIntervalSince1970: 1_369_353_600)  // 20130524T000000Z
        let request = SigV4Request(
            method: "GET", path: "/test.txt", headers: [("host", "examplebucket.s3.amazonaws.com")])
        let query = signer.presignedQuery(for: request, date: date, expiresIn: 86400)
        #expect(
            query.map(\.name) == [
                "X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Date", "X-Amz-Expires", "X-Amz-SignedHeaders",
                "X-Amz-Signature",
            ])
        #expect(
            query.first { $0.name == "X-Amz-Credential" }?.value
                == "AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request")
        #expect(
            query.last?.value == "aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404")
    }

    @Test func encodesPathsOnceKeepingSlashes() {
        #expect(SigV4Signer.encodePath("/a b/c+d/ሴ~._-") == "/a%20b/c%2Bd/%E1%88%B4~._-")
        #expect(SigV4Signer.encodePath("") == "/")
    }

    @Test func formatsTimestampsInUTC() {
        #expect(SigV4Signer.timestamp(Self.suiteDate) == "20150830T123600Z")
    }
}
