import Foundation
import TaskRuntime

/// Reads the `text/event-stream` format piece by piece as bytes arrive: lines end with LF, CR LF
/// or CR; `field: value` lines build an event, a blank line dispatches it, `:` lines are comments.
/// Events whose data is not JSON are skipped.
struct ServerSentEventParser {
    private var pending: [UInt8] = []
    private var id: String?
    private var event = ""
    private var data: [String] = []

    /// The events that `bytes` complete.
    mutating func feed(_ bytes: some Sequence<UInt8>) -> [StreamedEvent] {
        pending.append(contentsOf: bytes)
        var events: [StreamedEvent] = []
        while let end = pending.firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) {
            // A CR at the very end may be the first half of CR LF: wait for the next byte.
            if pending[end] == 0x0D && end == pending.count - 1 { break }
            let line = String(decoding: pending[..<end], as: UTF8.self)
            let skip = pending[end] == 0x0D && pending[end + 1] == 0x0A ? 2 : 1
            pending.removeFirst(end + skip)
            if let dispatched = take(line) { events.append(dispatched) }
        }
        return events
    }

    private mutating func take(_ line: String) -> StreamedEvent? {
        guard !line.isEmpty else { return dispatch() }
        if line.hasPrefix(":") { return nil }
        let parts = line.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        var value = parts.count > 1 ? String(parts[1]) : ""
        if value.hasPrefix(" ") { value.removeFirst() }
        switch parts[0] {
        case "id": id = value
        case "event": event = value
        case "data": data.append(value)
        default: break
        }
        return nil
    }

    private mutating func dispatch() -> StreamedEvent? {
        defer {
            event = ""
            data = []
            id = nil
        }
        guard !data.isEmpty, let json = try? JSONValue(json: Data(data.joined(separator: "\n").utf8)) else {
            return nil
        }
        return StreamedEvent(id: id, event: event.isEmpty ? "message" : event, data: json)
    }
}
