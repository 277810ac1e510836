#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The window of the file a reader parses in place. A record that runs past the end of the window is
/// moved to the front and the window refilled (grown when one record fills it), so a record is always
/// contiguous; the window never grows past `maxRecordBytes` plus one chunk.
final class ChunkBuffer {
    let source: any ByteSource
    let options: ReaderOptions
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var capacity: Int
    /// Bytes valid in the window.
    private(set) var filled = 0
    /// Bytes of the stream before `base[0]`.
    private(set) var baseOffset: Int64 = 0
    /// The source is exhausted: `filled` is the end of the data.
    private(set) var atEnd = false

    init(source: any ByteSource, options: ReaderOptions) {
        self.source = source
        self.options = options
        capacity = options.chunkBytes * 2
        base = .allocate(capacity: capacity + 1)
    }

    deinit { base.deallocate() }

    /// Keeps the bytes from `start` on, moved to the front, and reads more after them.
    /// Returns the number of bytes the kept data moved by (the caller subtracts it from its indices).
    /// - Throws: the source's errors.
    func refill(keepingFrom start: Int) throws -> Int {
        let kept = filled - start
        if start > 0 && kept > 0 { memmove(base, base + start, kept) }
        baseOffset += Int64(start)
        filled = kept
        if capacity - filled < options.chunkBytes {
            let newCapacity = max(capacity * 2, filled + options.chunkBytes)
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity + 1)
            grown.update(from: base, count: filled)
            base.deallocate()
            base = grown
            capacity = newCapacity
        }
        // Fill the whole free space: a grown window is parsed again from the record start, so reading
        // more per refill keeps a long record's total work linear.
        while filled < capacity {
            let n = try source.read(into: UnsafeMutableRawBufferPointer(start: base + filled, count: capacity - filled))
            if n == 0 {
                atEnd = true
                break
            }
            filled += n
            if filled - kept >= options.chunkBytes { break }
        }
        return start
    }
}
