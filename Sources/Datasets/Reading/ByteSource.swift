import CZlib

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A forward-only stream of bytes: a file, or a gzip stream inside a file.
///
/// Memory: a source holds one fixed input buffer (1 MiB for gzip), never the file.
public protocol ByteSource: AnyObject {
    /// Fills up to `buffer.count` bytes and returns how many; 0 only at the end of the stream.
    /// - Throws: `DatasetError.io` or `DatasetError.invalidCompression`.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
    /// Bytes consumed from the underlying file so far (compressed bytes for gzip): progress.
    var bytesConsumed: Int64 { get }
    /// The size of the underlying file, when known.
    var totalBytes: Int64? { get }
}

/// Opens `path` and returns a source for its content, decompressing it when it starts with the gzip magic
/// (whatever its name says).
/// - Throws: `DatasetError.io` when the file cannot be opened.
public func openByteSource(path: String) throws -> any ByteSource {
    let file = try FileByteSource(path: path)
    var magic = [UInt8](repeating: 0, count: 2)
    let n = try magic.withUnsafeMutableBytes { try file.pread(into: $0, at: 0) }
    if n == 2 && magic[0] == 0x1F && magic[1] == 0x8B { return try GzipByteSource(file: file) }
    return file
}

/// A file read with `read(2)`.
public final class FileByteSource: ByteSource {
    let fd: Int32
    let path: String
    public private(set) var bytesConsumed: Int64 = 0
    public let totalBytes: Int64?

    /// Reads from `offset` on (the parallel metrics start workers mid-file).
    /// - Throws: `DatasetError.io` when the file cannot be opened.
    public init(path: String, offset: Int64 = 0) throws {
        fd = open(path, O_RDONLY)
        self.path = path
        guard fd >= 0 else { throw DatasetError.io(path: path, reason: String(cString: strerror(errno))) }
        var st = stat()
        totalBytes = fstat(fd, &st) == 0 ? Int64(st.st_size) : nil
        if offset > 0 && lseek(fd, off_t(offset), SEEK_SET) < 0 {
            close(fd)
            throw DatasetError.io(path: path, reason: String(cString: strerror(errno)))
        }
    }

    deinit { close(fd) }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while true {
            let n = Glibc.read(fd, buffer.baseAddress, buffer.count)
            if n >= 0 {
                bytesConsumed += Int64(n)
                return n
            }
            if errno != EINTR { throw DatasetError.io(path: path, reason: String(cString: strerror(errno))) }
        }
    }

    func pread(into buffer: UnsafeMutableRawBufferPointer, at offset: Int64) throws -> Int {
        let n = Glibc.pread(fd, buffer.baseAddress, buffer.count, off_t(offset))
        if n < 0 { throw DatasetError.io(path: path, reason: String(cString: strerror(errno))) }
        return n
    }
}

/// A gzip stream (RFC 1952, several members allowed, as `gzip` writes for concatenated files) decoded
/// with zlib as it is read.
public final class GzipByteSource: ByteSource {
    let file: FileByteSource
    var stream = z_stream()
    let input: UnsafeMutableRawBufferPointer
    var inputEnd = false
    var finished = false

    public var bytesConsumed: Int64 { file.bytesConsumed }
    public var totalBytes: Int64? { file.totalBytes }

    init(file: FileByteSource) throws {
        self.file = file
        input = .allocate(byteCount: 1 << 20, alignment: 16)
        // 15 + 32: the largest window, and gzip or zlib headers detected automatically.
        let status = inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else {
            input.deallocate()
            throw DatasetError.invalidCompression(reason: "inflateInit2 failed (\(status))")
        }
    }

    deinit {
        inflateEnd(&stream)
        input.deallocate()
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        if finished || buffer.count == 0 { return 0 }
        stream.next_out = buffer.baseAddress?.assumingMemoryBound(to: Bytef.self)
        stream.avail_out = UInt32(min(buffer.count, Int(UInt32.max)))
        while stream.avail_out > 0 {
            if stream.avail_in == 0 && !inputEnd {
                let n = try file.read(into: input)
                if n == 0 {
                    inputEnd = true
                } else {
                    stream.next_in = input.baseAddress?.assumingMemoryBound(to: Bytef.self)
                    stream.avail_in = UInt32(n)
                }
            }
            let produced = buffer.count - Int(stream.avail_out)
            if stream.avail_in == 0 && inputEnd {
                // Input is exhausted in the middle of a member: the file was cut short.
                if produced > 0 { return produced }
                throw DatasetError.invalidCompression(reason: "unexpected end of the compressed stream")
            }
            let status = inflate(&stream, Z_NO_FLUSH)
            switch status {
            case Z_OK, Z_BUF_ERROR:
                continue
            case Z_STREAM_END:
                // Another member may follow (concatenated gzip files); trailing zero padding ends it.
                if stream.avail_in == 0 {
                    let n = try file.read(into: input)
                    if n == 0 {
                        finished = true
                        return buffer.count - Int(stream.avail_out)
                    }
                    stream.next_in = input.baseAddress?.assumingMemoryBound(to: Bytef.self)
                    stream.avail_in = UInt32(n)
                }
                inflateReset(&stream)
            default:
                let message = stream.msg.map { String(cString: $0) } ?? "zlib status \(status)"
                throw DatasetError.invalidCompression(reason: message)
            }
        }
        return buffer.count
    }
}
