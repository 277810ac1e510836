import Crypto
import NIOCore
import Synchronization
import TaskRuntime

/// Counts and hashes (SHA-256) the bytes of a stream as they pass, and ends the stream with
/// ``ArtifactTooLarge`` as soon as they exceed a limit.
final class ByteMeter: Sendable {
    private struct State {
        var count: Int64 = 0
        var hash = SHA256()
    }

    let limit: Int64
    private let state = Mutex(State())

    init(limit: Int64) {
        self.limit = limit
    }

    /// Counts and hashes `chunk`; throws when the total goes past the limit.
    func measure(_ chunk: ByteBuffer) throws {
        try state.withLock { state in
            state.count += Int64(chunk.readableBytes)
            guard state.count <= limit else { throw ArtifactTooLarge(limit: limit) }
            chunk.withUnsafeReadableBytes { state.hash.update(bufferPointer: $0) }
        }
    }

    /// The bytes counted so far and the lowercase hex SHA-256 of them.
    var result: (size: Int64, sha256: String) {
        state.withLock { state in
            (state.count, Hex.encode(state.hash.finalize()))
        }
    }
}

/// `base`, passed through a ``ByteMeter``.
struct MeteredBody<Base: AsyncSequence>: AsyncSequence where Base.Element == ByteBuffer {
    typealias Element = ByteBuffer
    let base: Base
    let meter: ByteMeter

    struct AsyncIterator: AsyncIteratorProtocol {
        var base: Base.AsyncIterator
        let meter: ByteMeter

        mutating func next() async throws -> ByteBuffer? {
            guard let chunk = try await base.next() else { return nil }
            try meter.measure(chunk)
            return chunk
        }
    }

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(base: base.makeAsyncIterator(), meter: meter)
    }
}
