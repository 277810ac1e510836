import Crypto
import Foundation
import Testing

@testable import TaskSchema

/// The lock's own SHA-256 against the standard's examples and against swift-crypto.
@Suite struct LockDigestTests {
    /// FIPS 180-4's example messages (NIST's "SHA256.pdf" and "SHA2_Additional.pdf") with their digests.
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
        (
            "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
            "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
        ),
        (String(repeating: "a", count: 1_000_000), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"),
    ])
    func theStandardsExamples(message: String, digest: String) {
        #expect(LockDigest.sha256Hex(message.utf8) == digest)
    }

    /// Every length from 0 to 300 bytes, so every padding case (a length byte in the last block or in
    /// one more, 55, 56, 63, 64 bytes, ...) meets swift-crypto's BoringSSL.
    @Test func everyPaddingCaseAgreesWithSwiftCrypto() {
        var generator = SystemRandomNumberGenerator()
        for length in 0...300 {
            let message = (0..<length).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
            let expected = Hex.encode(SHA256.hash(data: message))
            #expect(LockDigest.sha256Hex(message) == expected, "length \(length)")
        }
    }
}
