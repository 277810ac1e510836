import CGDAL
import Foundation

/// Runs GDAL calls with a thread-local CPL error handler that collects every message, so that a
/// failure becomes a ``GeoError`` carrying all of them and nothing is printed or lost.
///
/// `CPLPushErrorHandlerEx` installs the handler for the calling thread only, so concurrent calls on
/// other threads keep their own handlers. Warnings of a call that succeeds go to ``GDALWarnings``.
enum GDALCall {
    /// Runs `body` and returns its value; a `nil` value, a thrown error, or a failure message reported
    /// while `failOnErrorMessage` is set, becomes a ``GeoError`` for `operation`.
    static func run<T>(
        _ operation: @autoclosure () -> String, failOnErrorMessage: Bool = false, _ body: () throws -> T?
    ) throws -> T {
        GDALEnvironment.ensureRegistered()
        let collector = MessageCollector()
        let unmanaged = Unmanaged.passRetained(collector)
        CPLPushErrorHandlerEx(collectMessage, unmanaged.toOpaque())
        let result: T?
        do {
            defer {
                CPLPopErrorHandler()
                unmanaged.release()
            }
            result = try body()
        }
        let failed = collector.messages.contains { $0.severity == .failure || $0.severity == .fatal }
        guard let result, !(failOnErrorMessage && failed) else {
            throw GeoError(operation: operation(), messages: collector.messages)
        }
        GDALWarnings.report(collector.messages.filter { $0.severity == .warning }, during: operation())
        return result
    }

    /// Runs a call that returns a `CPLErr` and throws unless it is `CE_None`.
    static func check(_ operation: @autoclosure () -> String, _ body: () -> CPLErr) throws {
        try run(operation(), failOnErrorMessage: true) { body() == CE_None ? () : nil }
    }
}

private final class MessageCollector {
    var messages: [GDALMessage] = []
}

private let collectMessage: CPLErrorHandler = { severity, number, text in
    guard let data = CPLGetErrorHandlerUserData() else { return }
    let collector = Unmanaged<MessageCollector>.fromOpaque(data).takeUnretainedValue()
    collector.messages.append(
        GDALMessage(cplError: severity, number: number, text: text.map { String(cString: $0) } ?? ""))
}
