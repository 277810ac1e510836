import Foundation
import HTTPTypes
import TaskRuntime

/// What a request for a job's events asks of the stream: whether it wants `text/event-stream`, and
/// where a reconnecting client left off (`Last-Event-ID`).
enum EventStreamRequest {
    /// Whether `Accept` lists `text/event-stream` (parameters and case aside).
    static func accepts(_ headers: HTTPFields) -> Bool {
        headers[values: .accept].contains { value in
            value.split(separator: ",").contains { range in
                range.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased() == "text/event-stream"
            }
        }
    }

    /// The sequence in `Last-Event-ID`, or `nil` without one; `400 invalid_parameter` when it is
    /// not one this server sends (a non-negative integer).
    static func lastEventID(_ headers: HTTPFields) throws -> Int64? {
        guard let text = headers[lastEventIDField] else { return nil }
        guard let sequence = Int64(text.trimmingCharacters(in: .whitespaces)), sequence >= 0 else {
            throw Problem(
                .badRequest, .invalidParameter, "header 'Last-Event-ID' must be the id of an event of this stream",
                extensions: ["parameter": "Last-Event-ID"])
        }
        return sequence
    }

    private static let lastEventIDField = HTTPField.Name("Last-Event-ID")!
}
