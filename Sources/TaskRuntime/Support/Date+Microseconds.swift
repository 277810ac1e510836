import Foundation

extension Date {
    /// Microseconds since 1970: how stores keep timestamps (exact, sortable integers).
    public var microseconds: Int64 {
        Int64((timeIntervalSince1970 * 1_000_000).rounded())
    }

    public init(microseconds: Int64) {
        self.init(timeIntervalSince1970: Double(microseconds) / 1_000_000)
    }
}

extension UUID {
    /// The canonical lower-case text form used in URLs, logs and databases.
    public var lowercasedString: String { uuidString.lowercased() }
}
