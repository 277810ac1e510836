import Logging
import Synchronization

/// A log handler that keeps every record, rendered by the JSON handler's rules into flat string
/// fields (`message`, `level`, then the metadata), for tests to read back.
final class CapturedLogs: Sendable {
    private let records = Mutex<[[String: String]]>([])

    /// Every record so far.
    var all: [[String: String]] { records.withLock { $0 } }

    /// A logger writing here, at `level` and above.
    func logger(level: Logger.Level = .info) -> Logger {
        var logger = Logger(label: "test") { _ in Handler(logs: self) }
        logger.logLevel = level
        return logger
    }

    fileprivate func append(_ record: [String: String]) {
        records.withLock { $0.append(record) }
    }

    private struct Handler: LogHandler {
        let logs: CapturedLogs
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .info

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            var record = ["message": event.message.description, "level": event.level.rawValue]
            for (key, value) in metadata.merging(event.metadata ?? [:], uniquingKeysWith: { $1 }) {
                record[key] = value.description
            }
            logs.append(record)
        }
    }
}
