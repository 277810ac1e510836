#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A JSON Lines reader: one flat JSON object a line (strings, numbers, `true`, `false`, `null`).
///
/// The columns are the first object's keys, in order. A later line may leave keys out (missing) but
/// may not add one. Blank lines are skipped; a UTF-8 byte order mark on the first line is skipped.
/// A field's `bytes` are the unescaped string, the number's literal, or `true`/`false`; `rawBytes`
/// are the value's JSON text.
///
/// Errors: `.emptyFile`, `.headerOnly` (one object, no more), `.nestedValue` (an object or array
/// value, with its line), `.invalidJSON`, `.invalidUTF8`, `.lineTooLong`, `.duplicateColumn`.
public final class JSONLinesReader: RecordReader {
    public let format = DatasetFormat.jsonLines
    public private(set) var columns: [String] = []
    let buffer: ChunkBuffer
    var record = Record()
    var scratch: UnsafeMutablePointer<UInt8>
    var scratchCapacity: Int
    var position = 0
    var line = 0
    var rowsRead = 0
    var columnIndex: [[UInt8]: Int] = [:]
    var columnBytes: [[UInt8]] = []
    /// The first object is both the header and the first row: kept for the first `next()`.
    var firstPending = false
    var seen: UnsafeMutablePointer<Bool>

    public var bytesConsumed: Int64 { buffer.source.bytesConsumed }
    public var totalBytes: Int64? { buffer.source.totalBytes }

    /// Reads the first object for the column names.
    /// - Throws: `.emptyFile` when there is no object, and the first line's own errors.
    public init(source: any ByteSource, options: ReaderOptions = ReaderOptions()) throws {
        buffer = ChunkBuffer(source: source, options: options)
        scratchCapacity = options.chunkBytes
        scratch = .allocate(capacity: scratchCapacity)
        seen = .allocate(capacity: 1)
        _ = try buffer.refill(keepingFrom: 0)
        let b = buffer.base
        if buffer.filled >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF { position = 3 }
        guard let span = try nextLine() else { throw DatasetError.emptyFile }
        try parse(span.start, span.end, defining: true)
        firstPending = true
    }

    deinit {
        scratch.deallocate()
        seen.deallocate()
    }

    public func next() throws -> Record? {
        if firstPending {
            firstPending = false
            return record
        }
        guard let span = try nextLine() else {
            if rowsRead == 0 { throw DatasetError.headerOnly }
            return nil
        }
        try parse(span.start, span.end, defining: false)
        rowsRead += 1
        return record
    }

    /// The next non-blank line's bytes (without its line end) in the buffer; nil at the end.
    private func nextLine() throws -> (start: Int, end: Int)? {
        while true {
            let base = buffer.base
            let filled = buffer.filled
            let found = position < filled ? memchr(base + position, 10, filled - position) : nil
            var end: Int
            var next: Int
            if let found {
                end = UnsafeMutablePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base
                next = end + 1
            } else if buffer.atEnd {
                if position >= filled { return nil }
                end = filled
                next = filled
            } else {
                if filled - position > buffer.options.maxRecordBytes {
                    throw DatasetError.lineTooLong(line: line + 1, limit: buffer.options.maxRecordBytes)
                }
                position -= try buffer.refill(keepingFrom: position)
                continue
            }
            line += 1
            if end - position > buffer.options.maxRecordBytes {
                throw DatasetError.lineTooLong(line: line, limit: buffer.options.maxRecordBytes)
            }
            let start = position
            position = next
            if end > start && base[end - 1] == 13 { end -= 1 }
            var blank = true
            for k in start..<end where !isSpace(base[k]) {
                blank = false
                break
            }
            if blank { continue }
            return (start, end)
        }
    }

    @inline(__always) private func isSpace(_ b: UInt8) -> Bool { b == 32 || b == 9 || b == 10 || b == 13 }

    private func parse(_ start: Int, _ end: Int, defining: Bool) throws {
        let p = buffer.base
        let lineNumber = line
        if end - start > scratchCapacity {
            scratch.deallocate()
            scratchCapacity = end - start
            scratch = .allocate(capacity: scratchCapacity)
        }
        var used = 0
        var i = start
        func fail(_ reason: String) -> DatasetError { .invalidJSON(line: lineNumber, reason: reason) }
        func skipSpace() { while i < end && isSpace(p[i]) { i += 1 } }
        // Reads a JSON string at i (on its opening quote) into scratch; returns its span there.
        func readString() throws -> (UnsafePointer<UInt8>, Int) {
            i += 1
            let out = scratch + used
            var w = 0
            while true {
                guard i < end else { throw fail("a string is not closed") }
                let b = p[i]
                if b == UInt8(ascii: "\"") {
                    i += 1
                    break
                }
                if b < 0x20 { throw fail("a control character inside a string") }
                if b != UInt8(ascii: "\\") {
                    out[w] = b
                    w += 1
                    i += 1
                    continue
                }
                guard i + 1 < end else { throw fail("a string is not closed") }
                let e = p[i + 1]
                i += 2
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"):
                    out[w] = e
                    w += 1
                case UInt8(ascii: "b"):
                    out[w] = 8
                    w += 1
                case UInt8(ascii: "f"):
                    out[w] = 12
                    w += 1
                case UInt8(ascii: "n"):
                    out[w] = 10
                    w += 1
                case UInt8(ascii: "r"):
                    out[w] = 13
                    w += 1
                case UInt8(ascii: "t"):
                    out[w] = 9
                    w += 1
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if scalar >= 0xD800 && scalar < 0xDC00 {
                        guard i + 1 < end, p[i] == UInt8(ascii: "\\"), p[i + 1] == UInt8(ascii: "u") else {
                            throw fail("a lone surrogate in a \\u escape")
                        }
                        i += 2
                        let low = try hex4()
                        guard low >= 0xDC00 && low < 0xE000 else { throw fail("a lone surrogate in a \\u escape") }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else if scalar >= 0xDC00 && scalar < 0xE000 {
                        throw fail("a lone surrogate in a \\u escape")
                    }
                    guard let u = Unicode.Scalar(scalar) else { throw fail("an invalid \\u escape") }
                    for byte in UTF8.encode(u)! {
                        out[w] = byte
                        w += 1
                    }
                default: throw fail("an invalid escape in a string")
                }
            }
            guard isValidUTF8(out, w) else { throw DatasetError.invalidUTF8(line: lineNumber) }
            used += w
            return (UnsafePointer(out), w)
        }
        func hex4() throws -> UInt32 {
            guard i + 4 <= end else { throw fail("an invalid \\u escape") }
            var v: UInt32 = 0
            for _ in 0..<4 {
                let c = p[i]
                let d: UInt32
                switch c {
                case 48...57: d = UInt32(c - 48)
                case 65...70: d = UInt32(c - 55)
                case 97...102: d = UInt32(c - 87)
                default: throw fail("an invalid \\u escape")
                }
                v = v * 16 + d
                i += 1
            }
            return v
        }

        skipSpace()
        guard i < end, p[i] == UInt8(ascii: "{") else { throw fail("a line must hold one JSON object") }
        i += 1
        var rec = record
        var names: [[UInt8]] = []
        if !defining {
            for c in 0..<columns.count {
                seen[c] = false
                rec.missing[c] = true
                rec.contentLength[c] = 0
            }
        }
        skipSpace()
        var expected = 0
        if i < end && p[i] == UInt8(ascii: "}") {
            i += 1
        } else {
            while true {
                skipSpace()
                guard i < end, p[i] == UInt8(ascii: "\"") else { throw fail("expected a key") }
                let (keyPointer, keyLength) = try readString()
                let key = UnsafeBufferPointer(start: keyPointer, count: keyLength)
                skipSpace()
                guard i < end, p[i] == UInt8(ascii: ":") else { throw fail("expected ':' after a key") }
                i += 1
                skipSpace()
                guard i < end else { throw fail("a value is missing") }
                var column: Int
                if defining {
                    let name = Array(key)
                    if names.contains(name) {
                        throw DatasetError.duplicateColumn(
                            line: lineNumber, name: String(decoding: name, as: UTF8.self))
                    }
                    column = names.count
                    names.append(name)
                    if names.count > rec.capacity {
                        rec = rec.grown(to: names.count, keeping: names.count - 1)
                        record = rec
                    }
                } else if expected < columnBytes.count && columnBytes[expected].elementsEqual(key) {
                    column = expected  // the usual case: keys in the first line's order
                } else if let c = columnIndex[Array(key)] {
                    column = c
                } else {
                    throw fail("key '\(String(decoding: key, as: UTF8.self))' is not in the first line")
                }
                if !defining {
                    if seen[column] {
                        throw DatasetError.duplicateColumn(line: lineNumber, name: columns[column])
                    }
                    seen[column] = true
                }
                expected = column + 1
                let valueStart = i
                let b = p[i]
                switch b {
                case UInt8(ascii: "\""):
                    let (pointer, length) = try readString()
                    rec.content[column] = pointer
                    rec.contentLength[column] = length
                    rec.missing[column] = false
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    let name = defining ? String(decoding: key, as: UTF8.self) : columns[column]
                    throw DatasetError.nestedValue(line: lineNumber, column: name)
                default:
                    while i < end && !isSpace(p[i]) && p[i] != UInt8(ascii: ",") && p[i] != UInt8(ascii: "}") {
                        i += 1
                    }
                    let n = i - valueStart
                    guard n > 0 else { throw fail("a value is missing") }
                    let literal = UnsafeBufferPointer(start: p + valueStart, count: n)
                    if literal.elementsEqual("null".utf8) {
                        rec.missing[column] = true
                        rec.contentLength[column] = 0
                        rec.content[column] = UnsafePointer(p + valueStart)
                    } else if literal.elementsEqual("true".utf8) || literal.elementsEqual("false".utf8)
                        || isJSONNumber(literal)
                    {
                        rec.content[column] = UnsafePointer(p + valueStart)
                        rec.contentLength[column] = n
                        rec.missing[column] = false
                    } else {
                        throw fail("'\(String(decoding: literal, as: UTF8.self))' is not a JSON value")
                    }
                }
                rec.raw[column] = UnsafePointer(p + valueStart)
                rec.rawLength[column] = i - valueStart
                skipSpace()
                guard i < end else { throw fail("the object is not closed") }
                if p[i] == UInt8(ascii: ",") {
                    i += 1
                    continue
                }
                if p[i] == UInt8(ascii: "}") {
                    i += 1
                    break
                }
                throw fail("expected ',' or '}'")
            }
        }
        skipSpace()
        guard i == end else { throw fail("text after the object") }
        if defining {
            guard !names.isEmpty else { throw fail("the first object has no keys") }
            columnBytes = names
            columns = names.map { String(decoding: $0, as: UTF8.self) }
            for (k, name) in names.enumerated() { columnIndex[name] = k }
            seen.deallocate()
            seen = .allocate(capacity: names.count)
        } else {
            for c in 0..<columns.count where !seen[c] {
                rec.raw[c] = UnsafePointer(scratch)
                rec.rawLength[c] = 0  // absent: written back as null
                rec.content[c] = UnsafePointer(scratch)
            }
        }
        rec.count = columns.isEmpty ? names.count : columns.count
        rec.line = lineNumber
    }
}

/// RFC 8259's number grammar.
func isJSONNumber(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    let n = s.count
    func digit(_ k: Int) -> Bool { k < n && s[k] >= 48 && s[k] <= 57 }
    if i < n && s[i] == UInt8(ascii: "-") { i += 1 }
    guard digit(i) else { return false }
    if s[i] == 48 { i += 1 } else { while digit(i) { i += 1 } }
    if i < n && s[i] == UInt8(ascii: ".") {
        i += 1
        guard digit(i) else { return false }
        while digit(i) { i += 1 }
    }
    if i < n && (s[i] == UInt8(ascii: "e") || s[i] == UInt8(ascii: "E")) {
        i += 1
        if i < n && (s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-")) { i += 1 }
        guard digit(i) else { return false }
        while digit(i) { i += 1 }
    }
    return i == n
}
