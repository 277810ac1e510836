#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A byte-level RFC 4180 reader, chosen over SwiftCSV and CSV.swift by measurement (docs/tasks/datasets.md).
///
/// Rules: the first record is the header; fields are separated by `,`; records end with LF, CRLF or a
/// lone CR; a field that starts with `"` is quoted and may hold `,`, CR, LF and `""` (one quote); a
/// leading UTF-8 byte order mark is skipped; blank lines are skipped (as pandas does). Outside the
/// rules it does what Python's `csv` module does: a quote inside an unquoted field is kept as a
/// character, and characters after a closing quote are appended to the field.
///
/// Errors: `.emptyFile`, `.headerOnly`, `.raggedRow` (any row whose field count differs from the
/// header's), `.unterminatedQuote`, `.invalidUTF8`, `.lineTooLong` (see `ReaderOptions`), `.duplicateColumn`.
/// Memory: the window of `ChunkBuffer` and one `Record`; never the file.
public final class CSVReader: RecordReader {
    public let format = DatasetFormat.csv
    public private(set) var columns: [String] = []
    let buffer: ChunkBuffer
    var record = Record()
    /// Unescaped copies of fields that had `""` in them; sized for the longest record.
    var scratch: UnsafeMutablePointer<UInt8>
    var scratchCapacity = 0
    var position = 0
    var line = 1
    var skipLineFeed = false
    var rowsRead = 0
    var columnCount = 0

    public var bytesConsumed: Int64 { buffer.source.bytesConsumed }
    public var totalBytes: Int64? { buffer.source.totalBytes }

    // Byte classes: 0 ordinary, 1 comma, 2 LF, 3 CR, 4 quote.
    static let classes: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 256)
        table[Int(UInt8(ascii: ","))] = 1
        table[10] = 2
        table[13] = 3
        table[Int(UInt8(ascii: "\""))] = 4
        return table
    }()

    /// Whether any byte of `word` is `,`, `"`, LF or CR: the classic "has a zero byte" test on the word
    /// XORed with each of them (exact: no false answers either way).
    @inline(__always)
    static func hasSpecialByte(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func zero(_ v: UInt64) -> UInt64 { (v &- ones) & ~v & highs }
        return zero(word ^ (ones &* 0x2C)) | zero(word ^ (ones &* 0x22)) | zero(word ^ (ones &* 0x0A))
            | zero(word ^ (ones &* 0x0D)) != 0
    }

    /// Reads the header.
    /// - Throws: `.emptyFile` when there is no header, and the header's own errors.
    public init(source: any ByteSource, options: ReaderOptions = ReaderOptions()) throws {
        buffer = ChunkBuffer(source: source, options: options)
        scratchCapacity = options.chunkBytes
        scratch = .allocate(capacity: scratchCapacity)
        _ = try buffer.refill(keepingFrom: 0)
        let b = buffer.base
        if buffer.filled >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF { position = 3 }
        guard try scan() else { throw DatasetError.emptyFile }
        var names: [String] = []
        var seen = Set<String>()
        for i in 0..<record.count {
            let name = String(decoding: record.bytes(i), as: UTF8.self)
            guard seen.insert(name).inserted else { throw DatasetError.duplicateColumn(line: record.line, name: name) }
            names.append(name)
        }
        columns = names
        columnCount = names.count
    }

    /// A reader of the records from a record boundary in the middle of a file, for parallel passes:
    /// no header, no byte order mark; lines counted from 1 at the start; no `.headerOnly` at the end.
    init(source: any ByteSource, options: ReaderOptions, columns: [String]) throws {
        buffer = ChunkBuffer(source: source, options: options)
        scratchCapacity = options.chunkBytes
        scratch = .allocate(capacity: scratchCapacity)
        _ = try buffer.refill(keepingFrom: 0)
        self.columns = columns
        columnCount = columns.count
        rowsRead = 1
    }

    /// Where the next scan starts, relative to where the source started.
    var nextOffset: Int64 { buffer.baseOffset + Int64(position) + (skipLineFeed ? 1 : 0) }
    /// Lines consumed so far.
    var linesConsumed: Int { line - 1 }

    deinit { scratch.deallocate() }

    public func next() throws -> Record? {
        guard try scan() else {
            if rowsRead == 0 { throw DatasetError.headerOnly }
            return nil
        }
        if record.count != columnCount {
            throw DatasetError.raggedRow(line: record.line, expected: columnCount, found: record.count)
        }
        rowsRead += 1
        return record
    }

    /// Parses the next non-blank record into `record`; false at the end of the data.
    private func scan() throws -> Bool {
        let classes = Self.classes
        let quote = UInt8(ascii: "\"")
        return try classes.withUnsafeBufferPointer { table -> Bool in
            outer: while true {
                let base = buffer.base
                let filled = buffer.filled
                if skipLineFeed {
                    if position < filled {
                        if base[position] == 10 { position += 1 }
                        skipLineFeed = false
                    } else if buffer.atEnd {
                        skipLineFeed = false
                    } else {
                        position -= try buffer.refill(keepingFrom: position)
                        continue outer
                    }
                }
                var i = position
                var fields = 0
                var fieldStart = i
                var quoted = false
                var irregular = false  // a quoted field with "" or text after its closing quote
                var closeQuote = -1
                var inQuotes = false
                var newlines = 0
                var high: UInt8 = 0
                var highWord: UInt64 = 0
                var recordEnd = -1
                var rec = record

                @inline(__always) func endField(_ end: Int) {
                    if fields == rec.capacity {
                        rec = rec.grown(to: fields + 1, keeping: fields)
                        record = rec
                    }
                    rec.raw[fields] = UnsafePointer(base + fieldStart)
                    rec.rawLength[fields] = end - fieldStart
                    if quoted && !irregular && closeQuote == end - 1 {
                        rec.content[fields] = UnsafePointer(base + fieldStart + 1)
                        rec.contentLength[fields] = end - fieldStart - 2
                        rec.missing[fields] = end - fieldStart == 2
                    } else if quoted {
                        // Unescaped later, once the record is complete and will not be parsed again.
                        rec.content[fields] = UnsafePointer(base + fieldStart)
                        rec.contentLength[fields] = -1
                        rec.missing[fields] = false
                    } else {
                        let p = base + fieldStart
                        let n = end - fieldStart
                        rec.content[fields] = UnsafePointer(p)
                        rec.contentLength[fields] = n
                        rec.missing[fields] = MissingTokens.matches(p, n)
                    }
                    fields += 1
                }

                scanning: while i < filled {
                    if inQuotes {
                        // Find the next quote, counting line feeds on the way.
                        while i < filled {
                            let b = base[i]
                            if b == quote { break }
                            high |= b
                            if b == 10 { newlines += 1 }
                            i += 1
                        }
                        if i >= filled { break scanning }
                        if i + 1 < filled {
                            if base[i + 1] == quote {
                                irregular = true
                                i += 2
                            } else {
                                inQuotes = false
                                closeQuote = i
                                i += 1
                            }
                        } else if buffer.atEnd {
                            inQuotes = false
                            closeQuote = i
                            i += 1
                        } else {
                            break scanning
                        }
                        continue
                    }
                    // Eight bytes at a time while none is a comma, quote, CR or LF (SWAR), then bytewise.
                    while i + 8 <= filled {
                        let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                        if Self.hasSpecialByte(word) { break }
                        highWord |= word
                        i += 8
                    }
                    while i < filled {
                        let b = base[i]
                        if table[Int(b)] != 0 { break }
                        high |= b
                        i += 1
                    }
                    if i >= filled { break }
                    switch table[Int(base[i])] {
                    case 1:
                        endField(i)
                        i += 1
                        fieldStart = i
                        quoted = false
                        irregular = false
                        closeQuote = -1
                    case 4:
                        if i == fieldStart {
                            inQuotes = true
                            quoted = true
                        } else if quoted {
                            irregular = true
                        }
                        i += 1
                    case 2:
                        endField(i)
                        newlines += 1
                        recordEnd = i + 1
                        break scanning
                    default:  // CR
                        endField(i)
                        newlines += 1
                        if i + 1 < filled {
                            recordEnd = base[i + 1] == 10 ? i + 2 : i + 1
                        } else {
                            recordEnd = i + 1
                            skipLineFeed = !buffer.atEnd
                        }
                        break scanning
                    }
                }
                if recordEnd < 0 {
                    if buffer.atEnd {
                        if inQuotes { throw DatasetError.unterminatedQuote(line: line) }
                        if i == position { return false }
                        endField(i)
                        recordEnd = i
                    } else {
                        if filled - position > buffer.options.maxRecordBytes {
                            throw DatasetError.lineTooLong(line: line, limit: buffer.options.maxRecordBytes)
                        }
                        position -= try buffer.refill(keepingFrom: position)
                        continue outer
                    }
                }
                if recordEnd - position > buffer.options.maxRecordBytes {
                    throw DatasetError.lineTooLong(line: line, limit: buffer.options.maxRecordBytes)
                }
                let recordLine = line
                line += newlines
                let start = position
                position = recordEnd
                if fields == 1 && rec.rawLength[0] == 0 { continue outer }  // a blank line
                rec.count = fields
                rec.line = recordLine
                if highWord & 0x8080_8080_8080_8080 != 0 { high |= 0x80 }
                try finish(recordStart: start, high: high)
                return true
            }
        }
    }

    /// Unescapes the irregular quoted fields and checks UTF-8 where a byte above 0x7F was seen.
    private func finish(recordStart: Int, high: UInt8) throws {
        let rec = record
        var used = 0
        for f in 0..<rec.count where rec.contentLength[f] < 0 {
            let p = rec.raw[f]
            let n = rec.rawLength[f]
            if scratchCapacity - used < n {
                // Only reached by a record longer than the scratch; the earlier copies stay valid.
                let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: max(scratchCapacity * 2, used + n))
                bigger.update(from: scratch, count: used)
                for g in 0..<f where rec.contentLength[g] >= 0 {
                    let q = rec.content[g]
                    if q >= UnsafePointer(scratch) && q < UnsafePointer(scratch + scratchCapacity) {
                        rec.content[g] = UnsafePointer(bigger + (q - UnsafePointer(scratch)))
                    }
                }
                scratch.deallocate()
                scratch = bigger
                scratchCapacity = max(scratchCapacity * 2, used + n)
            }
            let out = scratch + used
            var w = 0
            var r = 1  // after the opening quote
            var inQuotes = true
            while r < n {
                let b = p[r]
                if inQuotes {
                    if b == UInt8(ascii: "\"") {
                        if r + 1 < n && p[r + 1] == UInt8(ascii: "\"") {
                            out[w] = b
                            w += 1
                            r += 2
                        } else {
                            inQuotes = false
                            r += 1
                        }
                    } else {
                        out[w] = b
                        w += 1
                        r += 1
                    }
                } else {
                    out[w] = b
                    w += 1
                    r += 1
                }
            }
            rec.content[f] = UnsafePointer(out)
            rec.contentLength[f] = w
            rec.missing[f] = w == 0
            used += w
        }
        if high & 0x80 != 0 {
            for f in 0..<rec.count where !isValidUTF8(rec.content[f], rec.contentLength[f]) {
                throw DatasetError.invalidUTF8(line: rec.line)
            }
        }
    }
}
