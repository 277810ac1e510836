import Foundation
import TaskSchema

/// A point in time as the API writes it: RFC 3339, UTC, with milliseconds
/// (`2026-11-24T10:15:30.123Z`).
public struct Timestamp: APIValue, Hashable {
    public var date: Date

    public init(_ date: Date) {
        self.date = date
    }

    /// The date as the API writes it.
    public static func string(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    public static let schema: JSONValue = JSONSchema.timestamp()
    public static let sample = Timestamp(Date(timeIntervalSince1970: 0))

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not an RFC 3339 timestamp"))
        }
        self.date = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(Self.string(date))
    }
}

/// Any JSON value, `null` included: a job's input and output, a handler's error details.
extension JSONValue: APIValue {
    public static var schema: JSONValue { JSONSchema.anyValue }
    public static var sample: JSONValue { .null }
}
