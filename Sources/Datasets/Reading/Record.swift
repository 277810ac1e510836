/// The formats a dataset can be in.
public enum DatasetFormat: String, Sendable, Codable, Equatable {
    case csv
    case jsonLines = "jsonl"
}

/// Limits every reader enforces.
public struct ReaderOptions: Sendable {
    /// The longest record (a CSV record, which may span lines, or one JSON line) read, in bytes.
    /// Longer ones fail with `DatasetError.lineTooLong` after at most this many bytes plus one read
    /// chunk were buffered: a 2 GB line costs ~17 MiB and a fraction of a second, not 2 GB.
    public var maxRecordBytes: Int
    /// Bytes asked of the source per read.
    public var chunkBytes: Int

    public init(maxRecordBytes: Int = 16 << 20, chunkBytes: Int = 1 << 20) {
        self.maxRecordBytes = max(64, maxRecordBytes)
        self.chunkBytes = max(64, chunkBytes)
    }
}

/// One row as the reader holds it: fields as byte spans, valid until the reader's next `next()`.
///
/// A field is missing (`isMissing`) when it is a CSV field that is empty or one of pandas'
/// default NA strings (`NA`, `N/A`, `NaN`, `null`, `None`, ... see `MissingTokens`), or a JSON `null`
/// or absent key.
public final class Record {
    /// 1-based physical line where the record starts.
    public internal(set) var line = 0
    /// Fields in this record (the header's count once the reader returned it).
    public internal(set) var count = 0
    // `let` pointers: the hot loops read them without exclusivity checks. A reader that needs more
    // fields replaces the record with a `grown` one.
    let content: UnsafeMutablePointer<UnsafePointer<UInt8>>
    let contentLength: UnsafeMutablePointer<Int>
    let raw: UnsafeMutablePointer<UnsafePointer<UInt8>>
    let rawLength: UnsafeMutablePointer<Int>
    let missing: UnsafeMutablePointer<Bool>
    let capacity: Int

    init(capacity: Int = 64) {
        self.capacity = capacity
        content = .allocate(capacity: capacity)
        contentLength = .allocate(capacity: capacity)
        raw = .allocate(capacity: capacity)
        rawLength = .allocate(capacity: capacity)
        missing = .allocate(capacity: capacity)
    }

    deinit {
        content.deallocate()
        contentLength.deallocate()
        raw.deallocate()
        rawLength.deallocate()
        missing.deallocate()
    }

    /// A record with room for at least `n` fields and the first `filled` fields of this one.
    func grown(to n: Int, keeping filled: Int) -> Record {
        let bigger = Record(capacity: max(n, capacity * 2))
        bigger.content.update(from: content, count: filled)
        bigger.contentLength.update(from: contentLength, count: filled)
        bigger.raw.update(from: raw, count: filled)
        bigger.rawLength.update(from: rawLength, count: filled)
        bigger.missing.update(from: missing, count: filled)
        return bigger
    }

    /// The field's value bytes (unquoted, unescaped UTF-8).
    @inline(__always)
    public func bytes(_ i: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: content[i], count: contentLength[i])
    }

    /// The field exactly as it appears in the file (with its quotes and escapes).
    @inline(__always)
    public func rawBytes(_ i: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: raw[i], count: rawLength[i])
    }

    @inline(__always)
    public func isMissing(_ i: Int) -> Bool { missing[i] }

    /// The field's value as a string (nil when missing).
    public func string(_ i: Int) -> String? {
        missing[i] ? nil : String(decoding: bytes(i), as: UTF8.self)
    }

    /// All fields as strings (nil for missing ones): for previews and tests, not for hot loops.
    public func strings() -> [String?] { (0..<count).map { string($0) } }
}

/// A streaming reader of records. Memory: one buffer of at most `maxRecordBytes` plus one chunk.
public protocol RecordReader: AnyObject {
    var format: DatasetFormat { get }
    /// Column names, from the CSV header or the first JSON object's keys, in order.
    var columns: [String] { get }
    /// The next data row, or nil at the end. The record is reused by the following call.
    /// - Throws: `DatasetError` (with the line) on malformed input; `.headerOnly` at the end of a file
    ///   that had no data rows.
    func next() throws -> Record?
    /// Bytes consumed from the file so far (compressed bytes for gzip), for progress.
    var bytesConsumed: Int64 { get }
    var totalBytes: Int64? { get }
}

/// Opens a dataset: JSON Lines when the name ends in `.jsonl`, `.ndjson` or `.json` (optionally `.gz`),
/// CSV otherwise; gzip is detected from the content.
/// - Throws: `DatasetError` when the file cannot be opened, is empty, or its header is malformed.
public func openDataset(
    path: String, format: DatasetFormat? = nil, options: ReaderOptions = ReaderOptions()
) throws -> any RecordReader {
    let source = try openByteSource(path: path)
    switch format ?? guessFormat(path: path) {
    case .csv: return try CSVReader(source: source, options: options)
    case .jsonLines: return try JSONLinesReader(source: source, options: options)
    }
}

/// The format a file name suggests (CSV unless it ends in `.jsonl`, `.ndjson` or `.json`, with or without `.gz`).
public func guessFormat(path: String) -> DatasetFormat {
    var name = path.lowercased()
    if name.hasSuffix(".gz") { name.removeLast(3) }
    for suffix in [".jsonl", ".ndjson", ".json"] where name.hasSuffix(suffix) { return .jsonLines }
    return .csv
}

/// pandas' default NA strings (`pandas.read_csv`'s `na_values` default), which read as missing.
public enum MissingTokens {
    public static let all: [String] = [
        "", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan", "1.#IND", "1.#QNAN",
        "<NA>", "N/A", "NA", "NULL", "NaN", "None", "n/a", "nan", "null",
    ]
    static let byteTokens: [[UInt8]] = all.map { Array($0.utf8) }

    @inline(__always)
    static func matches(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        if n == 0 { return true }
        if n > 8 { return false }
        // Most fields are numbers: reject those before comparing with any token.
        switch p[0] {
        case UInt8(ascii: "#"), UInt8(ascii: "<"), UInt8(ascii: "N"), UInt8(ascii: "n"):
            break
        case UInt8(ascii: "1"):
            if n < 6 || p[2] != UInt8(ascii: "#") { return false }
        case UInt8(ascii: "-"):
            if !(n >= 4 && (p[1] == UInt8(ascii: "N") || p[1] == UInt8(ascii: "n")))
                && !(n >= 7 && p[3] == UInt8(ascii: "#"))
            {
                return false
            }
        default: return false
        }
        for token in byteTokens where token.count == n {
            if token.withUnsafeBufferPointer({ memcmp($0.baseAddress!, p, n) }) == 0 { return true }
        }
        return false
    }
}

/// Checks UTF-8 well-formedness (no overlongs, no surrogates, nothing above U+10FFFF).
@inline(__always)
func isValidUTF8(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
    var i = 0
    while i < n {
        let b0 = p[i]
        if b0 < 0x80 {
            i += 1
            continue
        }
        if b0 >= 0xC2 && b0 <= 0xDF {
            guard i + 1 < n, p[i + 1] & 0xC0 == 0x80 else { return false }
            i += 2
        } else if b0 >= 0xE0 && b0 <= 0xEF {
            guard i + 2 < n, p[i + 1] & 0xC0 == 0x80, p[i + 2] & 0xC0 == 0x80 else { return false }
            let b1 = p[i + 1]
            if b0 == 0xE0 && b1 < 0xA0 { return false }
            if b0 == 0xED && b1 > 0x9F { return false }
            i += 3
        } else if b0 >= 0xF0 && b0 <= 0xF4 {
            guard i + 3 < n, p[i + 1] & 0xC0 == 0x80, p[i + 2] & 0xC0 == 0x80, p[i + 3] & 0xC0 == 0x80 else {
                return false
            }
            let b1 = p[i + 1]
            if b0 == 0xF0 && b1 < 0x90 { return false }
            if b0 == 0xF4 && b1 > 0x8F { return false }
            i += 4
        } else {
            return false
        }
    }
    return true
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
