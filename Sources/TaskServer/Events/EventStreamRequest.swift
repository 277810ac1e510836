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
                range.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased()
                    == "text/event-stream"
            }
        }
    }

    /// The sequence in `Last-Event-ID`, or `nil` without one; `400 invalid_parameter` when it is
    /// not one this server sends (1 to 18 decimal digits, the document's pattern). A sequence past the
    /// job's last entry resumes with the entries still to come.
    static func lastEventID(_ headers: HTTPFields) throws -> Int64? {
        guard let text = headers[lastEventIDField] else { return nil }
        let digits = text.trimmingCharacters(in: .whitespaces)
        guard (1...18).contains(digits.utf8.count),
            digits.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
            let sequence = Int64(digits)
        else {
            throw Problem(
                .badRequest, .invalidParameter, "header 'Last-Event-ID' must be the id of an event of this stream",
                extensions: ["parameter": "Last-Event-ID"])
        }
        return sequence
    }

    private static let lastEventIDField = HTTPField.Name("Last-Event-ID")!
}
