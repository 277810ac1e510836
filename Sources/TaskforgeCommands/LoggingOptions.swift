import ArgumentParser
import Logging
import TaskRuntime

/// How a process logs; shared by every long-running command.
struct LoggingOptions: ParsableArguments {
    @Option(help: "Log format: json (one object a line) or text.")
    var logFormat: LogFormat = .json

    @Option(help: "The lowest level logged: trace, debug, info, notice, warning, error, critical.")
    var logLevel: Logger.Level = .info

    enum LogFormat: String, ExpressibleByArgument, CaseIterable {
        case json, text
    }

    /// These options as arguments, for a child process that must log the same way.
    var arguments: [String] {
        ["--log-format", logFormat.rawValue, "--log-level", logLevel.rawValue]
    }

    /// Sets up logging for the process, to standard error; call once.
    func bootstrap() -> Logger {
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
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
