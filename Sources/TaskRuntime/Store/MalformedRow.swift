/// A database row that does not hold what the schema promises; only a corrupted database (or one
/// written by a newer version) produces it.
public struct MalformedRow: Error, CustomStringConvertible {
    public var column: String

    public init(column: String) {
        self.column = column
    }

    public var description: String { "the database row has a missing or malformed '\(column)' column" }
}
