import TaskRuntime

/// One event of a job's event stream (`GET /v1/jobs/{id}/events` as `text/event-stream`).
struct StreamedEvent: Sendable, Hashable {
    /// The log sequence (`state` and `stage` events); `nil` for `progress` events.
    var id: String?
    /// `state`, `stage` or `progress`.
    var event: String
    /// The event's JSON: `state`, `stage` and `progress` at least.
    var data: JSONValue
}
