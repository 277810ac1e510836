/// Why a dataset could not be read. Every case has a stable `code` (for API errors such as
/// `422 invalid_dataset`) and, where one exists, the 1-based physical line where the problem starts.
public enum DatasetError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file holds no bytes (or only a byte order mark and blank lines).
    case emptyFile
    /// The file has a header (CSV) or a first object (JSON Lines) but no data rows.
    case headerOnly
    /// A CSV row has a different number of fields than the header.
    case raggedRow(line: Int, expected: Int, found: Int)
    /// A quoted CSV field is still open at the end of the file.
    case unterminatedQuote(line: Int)
    /// The bytes of a row are not valid UTF-8.
    case invalidUTF8(line: Int)
    /// One record (CSV, possibly spanning lines) or one JSON line is longer than the reader's limit.
    case lineTooLong(line: Int, limit: Int)
    /// Two header fields (or two keys of one object) have the same name.
    case duplicateColumn(line: Int, name: String)
    /// A JSON Lines value is an object or an array.
    case nestedValue(line: Int, column: String)
    /// A JSON Lines line is not one JSON object, or names a key the first line did not have.
    case invalidJSON(line: Int, reason: String)
    /// The gzip stream is corrupt or truncated.
    case invalidCompression(reason: String)
    /// The file could not be opened or read.
    case io(path: String, reason: String)
    /// A requested column does not exist or does not hold numbers.
    case invalidColumn(name: String, reason: String)
    /// A value of a numeric column is not a number (the file changed since it was profiled).
    case invalidValue(line: Int, column: String, value: String)

    /// A stable, machine-readable code for the case.
    public var code: String {
        switch self {
        case .emptyFile: "empty_file"
        case .headerOnly: "header_only"
        case .raggedRow: "ragged_row"
        case .unterminatedQuote: "unterminated_quote"
        case .invalidUTF8: "invalid_utf8"
        case .lineTooLong: "line_too_long"
        case .duplicateColumn: "duplicate_column"
        case .nestedValue: "nested_value"
        case .invalidJSON: "invalid_json"
        case .invalidCompression: "invalid_compression"
        case .io: "io_error"
        case .invalidColumn: "invalid_column"
        case .invalidValue: "invalid_value"
        }
    }

    /// The 1-based line where the problem starts, when there is one.
    public var line: Int? {
        switch self {
        case .raggedRow(let line, _, _), .unterminatedQuote(let line), .invalidUTF8(let line),
            .lineTooLong(let line, _), .duplicateColumn(let line, _), .nestedValue(let line, _),
            .invalidJSON(let line, _), .invalidValue(let line, _, _):
            line
        default: nil
        }
    }

    /// The same error with its line moved down by `lines` (a parallel worker counts from its start).
    func shifted(by lines: Int) -> DatasetError {
        switch self {
        case .raggedRow(let line, let e, let f): .raggedRow(line: line + lines, expected: e, found: f)
        case .unterminatedQuote(let line): .unterminatedQuote(line: line + lines)
        case .invalidUTF8(let line): .invalidUTF8(line: line + lines)
        case .lineTooLong(let line, let limit): .lineTooLong(line: line + lines, limit: limit)
        case .duplicateColumn(let line, let name): .duplicateColumn(line: line + lines, name: name)
        case .nestedValue(let line, let column): .nestedValue(line: line + lines, column: column)
        case .invalidJSON(let line, let reason): .invalidJSON(line: line + lines, reason: reason)
        case .invalidValue(let line, let column, let value):
            .invalidValue(line: line + lines, column: column, value: value)
        default: self
        }
    }

    /// A sentence for a person.
    public var reason: String {
        switch self {
        case .emptyFile: "the file is empty"
        case .headerOnly: "the file has a header but no rows"
        case .raggedRow(_, let expected, let found): "expected \(expected) fields, found \(found)"
        case .unterminatedQuote: "a quoted field is not closed before the end of the file"
        case .invalidUTF8: "the row is not valid UTF-8"
        case .lineTooLong(_, let limit): "the record is longer than the limit of \(limit) bytes"
        case .duplicateColumn(_, let name): "column '\(name)' appears twice"
        case .nestedValue(_, let column): "'\(column)' is an object or an array; only flat objects are read"
        case .invalidJSON(_, let reason): reason
        case .invalidCompression(let reason): "the gzip stream is invalid: \(reason)"
        case .io(let path, let reason): "cannot read \(path): \(reason)"
        case .invalidColumn(let name, let reason): "column '\(name)': \(reason)"
        case .invalidValue(_, let column, let value): "'\(value)' in column '\(column)' is not a number"
        }
    }

    public var description: String {
        if let line { return "\(code) at line \(line): \(reason)" }
        return "\(code): \(reason)"
    }
}
