import ArgumentParser
import Foundation
import Logging
import TaskRuntime
import TaskStoreSQLite

/// Where jobs are stored and how the process logs; shared by `serve` and `worker`.
struct RuntimeOptions: ParsableArguments {
    @Option(help: "The directory for the embedded SQLite database (env: TASKFORGE_DATA_DIR).")
    var dataDir: String = ProcessInfo.processInfo.environment["TASKFORGE_DATA_DIR"] ?? "./data"

    @Option(help: "Log format: json (one object a line) or text.")
    var logFormat: LogFormat = .json

    @Option(help: "The lowest level logged: trace, debug, info, notice, warning, error, critical.")
    var logLevel: Logger.Level = .info

    enum LogFormat: String, ExpressibleByArgument, CaseIterable {
        case json, text
    }

    /// Sets up logging for the process; call once.
    func bootstrapLogging() -> Logger {
        let level = logLevel
        switch logFormat {
        case .json:
            LoggingSystem.bootstrap { label in
                var handler = JSONLogHandler(label: label)
                handler.logLevel = level
                return handler
            }
        case .text:
            LoggingSystem.bootstrap { label in
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = level
                return handler
            }
        }
        return Logger(label: "taskforge")
    }

    func openStore(logger: Logger) async throws -> SQLiteJobStore {
        try FileManager.default.createDirectory(atPath: dataDir, withIntermediateDirectories: true)
        let path = URL(fileURLWithPath: dataDir).appendingPathComponent("taskforge.sqlite").path
        logger.info("using the embedded SQLite store", metadata: ["path": "\(path)"])
        return try await SQLiteJobStore.open(path: path, logger: logger)
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}

/// Which queues a worker serves and how many jobs of each it runs at once.
struct QueueOptions: ParsableArguments {
    @Option(help: "Queues and their concurrency, like io=8,geo=1 (default: every queue of tasks.yaml, each with --workers slots).")
    var queues: QueueConcurrency?

    @Option(help: "Concurrent jobs per queue, for the queues not given with --queues.")
    var workers: Int = 4

    func validate() throws {
        guard workers > 0 else { throw ValidationError("--workers must be at least 1") }
    }

    /// Queue name to concurrency.
    func resolve(catalogQueues: [String]) -> [String: Int] {
        queues?.values ?? Dictionary(uniqueKeysWithValues: catalogQueues.map { ($0, workers) })
    }
}

/// `io=8,geo=1`.
struct QueueConcurrency: ExpressibleByArgument {
    var values: [String: Int]

    init?(argument: String) {
        var values: [String: Int] = [:]
        for part in argument.split(separator: ",") {
            let pair = part.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, !pair[0].isEmpty, let slots = Int(pair[1]), slots > 0 else { return nil }
            values[String(pair[0])] = slots
        }
        guard !values.isEmpty else { return nil }
        self.values = values
    }
}
