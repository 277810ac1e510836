#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes rows in a dataset's format, to `path + ".partial"` renamed over `path` by `commit()`, so a
/// failed or cancelled job leaves no half-written output. Memory: one 1 MiB buffer.
final class DatasetWriter {
    let format: DatasetFormat
    let path: String
    let partial: String
    let fd: Int32
    var buffer: [UInt8] = []
    let columns: [[UInt8]]
    private var committed = false

    /// - Throws: `DatasetError.io` when the file cannot be created.
    init(path: String, format: DatasetFormat, columns: [String]) throws {
        self.path = path
        self.format = format
        partial = path + ".partial"
        fd = open(partial, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw DatasetError.io(path: partial, reason: String(cString: strerror(errno))) }
        buffer.reserveCapacity(1 << 20)
        switch format {
        case .csv:
            self.columns = columns.map { Array($0.utf8) }
            for (i, name) in self.columns.enumerated() {
                if i > 0 { buffer.append(UInt8(ascii: ",")) }
                appendCSVField(name)
            }
            buffer.append(10)
        case .jsonLines:
            self.columns = columns.map { Array(Self.jsonString($0).utf8) }
        }
    }

    deinit {
        close(fd)
        if !committed { unlink(partial) }
    }

    /// Quotes a field when RFC 4180 requires it (a comma, quote, CR or LF), doubling its quotes.
    func appendCSVField(_ bytes: [UInt8]) {
        let special = bytes.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }
        guard special else {
            buffer.append(contentsOf: bytes)
            return
        }
        buffer.append(UInt8(ascii: "\""))
        for b in bytes {
            if b == UInt8(ascii: "\"") { buffer.append(b) }
            buffer.append(b)
        }
        buffer.append(UInt8(ascii: "\""))
    }

    static func jsonString(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 {
                    out +=
                        "\\u" + String(repeating: "0", count: 4 - String(u.value, radix: 16).count)
                        + String(u.value, radix: 16)
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }

    /// Writes one row: `replacement(c)` for a column's new value text, otherwise the field's bytes as read
    /// (CSV: with its quotes; JSON: its JSON text; a key the line did not have stays absent).
    func write(_ record: Record, replacement: (Int) -> String?) throws {
        switch format {
        case .csv:
            for c in 0..<record.count {
                if c > 0 { buffer.append(UInt8(ascii: ",")) }
                if let text = replacement(c) {
                    buffer.append(contentsOf: text.utf8)
                } else {
                    buffer.append(contentsOf: record.rawBytes(c))
                }
            }
            buffer.append(10)
        case .jsonLines:
            buffer.append(UInt8(ascii: "{"))
            var first = true
            for c in 0..<record.count {
                let text = replacement(c)
                if text == nil && record.rawLength[c] == 0 { continue }
                if !first { buffer.append(contentsOf: ", ".utf8) }
                first = false
                buffer.append(contentsOf: columns[c])
                buffer.append(contentsOf: ": ".utf8)
                if let text {
                    buffer.append(contentsOf: text.utf8)
                } else {
                    buffer.append(contentsOf: record.rawBytes(c))
                }
            }
            buffer.append(contentsOf: "}\n".utf8)
        }
        if buffer.count >= 1 << 20 { try flush() }
    }

    func flush() throws {
        var offset = 0
        while offset < buffer.count {
            let n = buffer.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                throw DatasetError.io(path: partial, reason: String(cString: strerror(errno)))
            }
            offset += n
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and moves the file into place.
    func commit() throws {
        try flush()
        guard fsync(fd) == 0, rename(partial, path) == 0 else {
            throw DatasetError.io(path: path, reason: String(cString: strerror(errno)))
        }
        committed = true
    }
}
