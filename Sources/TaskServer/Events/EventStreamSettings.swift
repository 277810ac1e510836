/// How `GET /v1/jobs/{id}/events` streams (`Accept: text/event-stream`).
public struct EventStreamSettings: Sendable, Hashable {
    /// How often the stream reads the job and its event log from the store. A state change reaches
    /// the client at most this much later.
    public var pollInterval: Duration
    /// The least time between two `progress` events; one is sent only when the value changed.
    public var progressInterval: Duration
    /// After this long without an event, the stream sends a `: keep-alive` comment line.
    public var keepAliveInterval: Duration

    public init(
        pollInterval: Duration = .milliseconds(200), progressInterval: Duration = .milliseconds(250),
        keepAliveInterval: Duration = .seconds(15)
    ) {
        self.pollInterval = pollInterval
        self.progressInterval = progressInterval
        self.keepAliveInterval = keepAliveInterval
    }
}
