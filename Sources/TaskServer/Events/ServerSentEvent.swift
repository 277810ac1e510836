import Hummingbird
import NIOCore

/// One message of a `text/event-stream` response (the WHATWG Server-Sent Events format): optional
/// `id:` and `event:` fields, then the data, one `data:` line per line of it, and a blank line.
struct ServerSentEvent: Sendable, Hashable {
    /// The id a reconnecting client sends back in `Last-Event-ID`; `nil` leaves the client's last id as it was.
    var id: String?
    var event: String
    var data: String

    /// The event in wire form.
    var text: String {
        var lines: [String] = []
        if let id { lines.append("id: \(id)") }
        lines.append("event: \(event)")
        for line in data.split(separator: "\n", omittingEmptySubsequences: false) {
            lines.append("data: \(line)")
        }
        return lines.joined(separator: "\n") + "\n\n"
    }

    /// A comment line, which clients ignore: it keeps proxies and idle timeouts from closing a quiet stream.
    static let keepAlive = ": keep-alive\n\n"
}
