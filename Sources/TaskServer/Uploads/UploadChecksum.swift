import Crypto
import Foundation
import NIOCore
import TaskRuntime

/// `Upload-Checksum: <algorithm> <base64 digest>` (tus checksum extension) and the running hash of
/// the chunk it covers.
struct UploadChecksum {
    /// The algorithms offered in `Tus-Checksum-Algorithm`.
    static let algorithms = ["sha1", "sha256"]

    private enum Hasher {
        case sha1(Insecure.SHA1)
        case sha256(SHA256)
    }

    let algorithm: String
    private let expected: Data
    private var hasher: Hasher

    /// Parses the header: `400 checksum_algorithm_unsupported` for another algorithm,
    /// `400 invalid_upload_header` when it is not an algorithm and a base64 digest of its size.
    init(header: String) throws {
        let parts = header.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            throw Problem.invalidUploadHeader("Upload-Checksum", "must be '<algorithm> <base64 digest>'")
        }
        algorithm = String(parts[0])
        switch algorithm {
        case "sha1": hasher = .sha1(Insecure.SHA1())
        case "sha256": hasher = .sha256(SHA256())
        default:
            throw Problem(
                .badRequest, .checksumAlgorithmUnsupported,
                "Upload-Checksum names '\(algorithm)'; supported: \(Self.algorithms.joined(separator: ", "))")
        }
        let size = algorithm == "sha1" ? Insecure.SHA1.byteCount : SHA256.byteCount
        guard let digest = Data(base64Encoded: String(parts[1])), digest.count == size else {
            throw Problem.invalidUploadHeader("Upload-Checksum", "the digest is not base64 of \(size) bytes")
        }
        expected = digest
    }

    mutating func update(_ chunk: ByteBuffer) {
        chunk.withUnsafeReadableBytes { bytes in
            switch hasher {
            case .sha1(var hash):
                hash.update(bufferPointer: bytes)
                hasher = .sha1(hash)
            case .sha256(var hash):
                hash.update(bufferPointer: bytes)
                hasher = .sha256(hash)
            }
        }
    }

    /// Whether the bytes passed to ``update(_:)`` have the expected digest.
    var matches: Bool {
        switch hasher {
        case .sha1(let hash): Data(hash.finalize()) == expected
        case .sha256(let hash): Data(hash.finalize()) == expected
        }
    }
}
