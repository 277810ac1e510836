import Foundation
import Logging
import Synchronization

/// Writes one JSON object a line: `ts`, `level`, `logger`, `message`, then the metadata keys
/// (`jobId`, `taskName`, `taskVersion`, `attempt`, `requestId`, ...) at the top level.
public struct JSONLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    public var logLevel: Logger.Level = .info
    private let label: String
    private let sink: LineSink

    /// A handler writing to standard error.
    public init(label: String, metadataProvider: Logger.MetadataProvider? = nil) {
        self.init(label: label, sink: .standardError, metadataProvider: metadataProvider)
    }

    init(label: String, sink: LineSink, metadataProvider: Logger.MetadataProvider? = nil) {
        self.label = label
        self.sink = sink
        self.metadataProvider = metadataProvider
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var fields: [String: JSONValue] = [
            "ts": .string(Date().formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))),
            "level": .string(event.level.rawValue),
            "logger": .string(label),
            "message": .string(event.message.description),
        ]
        let provided = metadataProvider?.get() ?? [:]
        for (key, value) in metadata.merging(provided, uniquingKeysWith: { $1 }).merging(
            event.metadata ?? [:], uniquingKeysWith: { $1 })
        {
            fields[key] = Self.json(value)
        }
        if let error = event.error { fields["error"] = .string(String(describing: error)) }
        sink.write(JSONValue.object(fields).canonicalString())
    }

    private static func json(_ value: Logger.MetadataValue) -> JSONValue {
        switch value {
        case .string(let string): .string(string)
        case .stringConvertible(let convertible): .string(convertible.description)
        case .array(let values): .array(values.map(json))
        case .dictionary(let dictionary): .object(dictionary.mapValues(json))
        }
    }
}

/// Where log lines go; one lock keeps concurrent lines whole.
final class LineSink: Sendable {
    private let handle = Mutex(FileHandle.standardError)

    static let standardError = LineSink()

    func write(_ line: String) {
        handle.withLock { $0.write(Data((line + "\n").utf8)) }
    }
}
