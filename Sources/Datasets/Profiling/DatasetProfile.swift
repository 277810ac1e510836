/// The inferred type of a column: the narrowest that every non-missing value satisfies, in this order.
public enum ColumnType: String, Sendable, Codable, Equatable, CaseIterable {
    case integer, number, boolean, date
    case dateTime = "date-time"
    case string

    /// Integer and number columns get numeric statistics; the others text statistics.
    public var isNumeric: Bool { self == .integer || self == .number }
}

/// One column of a profile.
public struct ColumnProfile: Sendable, Codable, Equatable {
    public var name: String
    public var type: ColumnType
    public var nullCount: Int
}

/// What reading a dataset once records: the schema its tasks are handed.
public struct DatasetProfile: Sendable, Codable, Equatable {
    public var format: DatasetFormat
    public var rowCount: Int
    public var columns: [ColumnProfile]
    /// The first rows (at most `previewRows`), missing values as nil.
    public var preview: [[String?]]

    public var columnTypes: [ColumnType] { columns.map(\.type) }
}

/// Reads a dataset once and infers its profile.
public enum Profiler {
    /// Streams the whole file; memory is the reader's window plus the preview.
    /// - Throws: every `DatasetError` of the reader (so a malformed file fails here, at upload), and
    ///   `CancellationError` (checked every 4096 rows).
    public static func profile(
        path: String, format: DatasetFormat? = nil, options: ReaderOptions = ReaderOptions(), previewRows: Int = 10,
        progress: ProgressHandler? = nil
    ) throws -> DatasetProfile {
        let reader = try openDataset(path: path, format: format, options: options)
        return try profile(reader: reader, previewRows: previewRows, progress: progress)
    }

    public static func profile(
        reader: any RecordReader, previewRows: Int = 10, progress: ProgressHandler? = nil
    ) throws -> DatasetProfile {
        let n = reader.columns.count
        // Candidate flags, cleared by the first value that does not fit.
        var integer = [Bool](repeating: true, count: n)
        var number = [Bool](repeating: true, count: n)
        var boolean = [Bool](repeating: true, count: n)
        var date = [Bool](repeating: true, count: n)
        var dateTime = [Bool](repeating: true, count: n)
        var nulls = [Int](repeating: 0, count: n)
        var preview: [[String?]] = []
        var rows = 0
        let isJSON = reader.format == .jsonLines
        while let record = try reader.next() {
            rows += 1
            if preview.count < previewRows { preview.append(record.strings()) }
            for c in 0..<n {
                if record.isMissing(c) {
                    nulls[c] += 1
                    continue
                }
                let p = record.content[c]
                let len = record.contentLength[c]
                if number[c] {
                    // A JSON string that holds digits is still a string.
                    if isJSON && record.rawBytes(c).first == UInt8(ascii: "\"") {
                        number[c] = false
                        integer[c] = false
                    } else if let parsed = ValueParsing.number(p, len) {
                        if !parsed.isInteger || !(abs(parsed.value) < 9.2e18) { integer[c] = false }
                    } else {
                        number[c] = false
                        integer[c] = false
                    }
                }
                if boolean[c] && ValueParsing.boolean(p, len) == nil { boolean[c] = false }
                if date[c] && !ValueParsing.isDate(p, len) { date[c] = false }
                if dateTime[c] && !ValueParsing.isDate(p, len) && !ValueParsing.isDateTime(p, len) {
                    dateTime[c] = false
                }
            }
            if rows & 4095 == 0 {
                try Task.checkCancellation()
                try progress?(reader.bytesConsumed, reader.totalBytes)
            }
        }
        try progress?(reader.bytesConsumed, reader.totalBytes)
        let columns = (0..<n).map { c -> ColumnProfile in
            let type: ColumnType =
                nulls[c] == rows
                ? .string
                : integer[c]
                    ? .integer
                    : number[c]
                        ? .number
                        : boolean[c]
                            ? .boolean
                            : date[c] ? .date : dateTime[c] ? .dateTime : .string
            return ColumnProfile(name: reader.columns[c], type: type, nullCount: nulls[c])
        }
        return DatasetProfile(format: reader.format, rowCount: rows, columns: columns, preview: preview)
    }
}
