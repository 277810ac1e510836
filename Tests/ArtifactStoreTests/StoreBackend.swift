import Crypto
import Foundation
import NIOCore
import TaskArtifacts
import TaskRuntime
import TaskforgeTestSupport

/// The two ``ArtifactStore``s the conformance tests run against: local files in a temporary
/// directory, and the S3-compatible test server (a fresh prefix of its bucket).
enum StoreBackend: String, CaseIterable, CustomStringConvertible, Sendable {
    case local, s3

    var description: String { rawValue }

    /// Runs `body` with a fresh store; multipart uploads use parts of 5 MiB (S3's smallest).
    func withStore<T>(_ body: (any ArtifactStore) async throws -> T) async throws -> T {
        switch self {
        case .local:
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("taskforge-artifacts-\(UUID())")
            defer { try? FileManager.default.removeItem(at: root) }
            return try await body(LocalArtifactStore(root: root.path))
        case .s3:
            return try await body(S3TestServer.fromEnvironment().store(partSize: S3ArtifactStore.minimumPartSize))
        }
    }
}

/// `count` bytes of a repeating pattern, in chunks of `chunk` bytes, ending with `failure` when given.
struct PatternBody: AsyncSequence, Sendable {
    typealias Element = ByteBuffer
    var count: Int
    var chunk = 64 << 10
    var failure: (any Error & Sendable)?

    static func byte(at offset: Int) -> UInt8 { UInt8(truncatingIfNeeded: offset &* 31 &+ offset >> 12) }

    /// The bytes at `offsets`, written in place: a closure call a byte took seconds for a large
    /// body in a debug build, on a thread that runs Swift tasks.
    static func bytes(_ offsets: Range<Int>) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: offsets.count) { buffer, initialized in
            for index in 0..<offsets.count { buffer[index] = byte(at: offsets.lowerBound + index) }
            initialized = offsets.count
        }
    }

    /// All the bytes, for comparing.
    var bytes: [UInt8] { Self.bytes(0..<count) }

    /// The SHA-256 of all the bytes, computed on a thread of its own (large bodies).
    var sha256: SHA256.Digest {
        get async throws { try await onOwnThread(named: "pattern-digest") { [self] in SHA256.hash(data: bytes) } }
    }

    struct AsyncIterator: AsyncIteratorProtocol {
        let body: PatternBody
        var offset = 0

        mutating func next() async throws -> ByteBuffer? {
            guard offset < body.count else {
                if let failure = body.failure { throw failure }
                return nil
            }
            let length = Swift.min(body.chunk, body.count - offset)
            var buffer = ByteBuffer()
            buffer.writeBytes(PatternBody.bytes(offset..<offset + length))
            offset += length
            return buffer
        }
    }

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(body: self) }
}

struct BrokenConnection: Error {}

extension ArtifactStore {
    /// Every byte of object `key`.
    func readAll(_ key: String) async throws -> [UInt8] {
        var bytes: [UInt8] = []
        try await read(key: key) { bytes += Array($0.readableBytesView) }
        return bytes
    }
}
