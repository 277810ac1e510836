import Foundation
import Hummingbird
import NIOCore
import TaskRuntime

/// The `text/event-stream` form of `GET /v1/jobs/{id}/events`.
///
/// Every ``EventStreamSettings/pollInterval`` it reads the job and its event log from the store and
/// sends each log entry it has not sent yet as an event `state` (or `stage`, when only the stage
/// changed) with `id: <sequence>`, then the job's progress as an event `progress` (no `id`) when it
/// changed and the last one is at least ``EventStreamSettings/progressInterval`` old. It ends after
/// the event of a terminal state, when the job is gone (pruned), or when the client disconnects.
struct JobEventStream: Sendable {
    let jobID: UUID
    let store: any JobStore
    let settings: EventStreamSettings
    /// Only log entries with a greater sequence are sent (the client's `Last-Event-ID`).
    let after: Int64
    /// Whether the client is still connected; checked before each read of the store.
    let isConnected: @Sendable () -> Bool

    /// The streaming response.
    func response() -> Response {
        Response(
            status: .ok,
            headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"],
            body: ResponseBody { writer in
                try await stream { try await writer.write(ByteBuffer(string: $0)) }
                try await writer.finish(nil)
            })
    }

    /// Runs the stream, handing each piece of wire text to `send`.
    func stream(_ send: (String) async throws -> Void) async throws {
        let clock = ContinuousClock()
        var sentSequence = after
        var sentProgress: Double?
        var lastProgressAt: ContinuousClock.Instant?
        var lastSendAt = clock.now
        while isConnected() {
            guard let job = try await store.job(id: jobID) else { return }
            let log = try await store.events(forJob: jobID)
            var terminalSent = false
            for (index, entry) in log.enumerated() where entry.sequence > sentSequence {
                try await send(Self.logEvent(entry, previous: index > 0 ? log[index - 1] : nil).text)
                sentSequence = entry.sequence
                sentProgress = entry.progress
                lastSendAt = clock.now
                terminalSent = entry.state.isTerminal
            }
            if terminalSent || (job.state.isTerminal && log.last.map { $0.sequence <= sentSequence } ?? true) { return }
            let progressDue = lastProgressAt.map { clock.now - $0 >= settings.progressInterval } ?? true
            if progressDue && job.progress != sentProgress || lastProgressAt == nil {
                try await send(Self.progressEvent(job).text)
                sentProgress = job.progress
                lastProgressAt = clock.now
                lastSendAt = clock.now
            } else if clock.now - lastSendAt >= settings.keepAliveInterval {
                try await send(ServerSentEvent.keepAlive)
                lastSendAt = clock.now
            }
            try await Task.sleep(for: settings.pollInterval)
        }
    }

    /// A log entry as an event: `stage` when only the stage changed since the previous entry, else `state`.
    static func logEvent(_ entry: JobEvent, previous: JobEvent?) -> ServerSentEvent {
        let stageOnly = previous.map { $0.state == entry.state && $0.stage != entry.stage } ?? false
        return ServerSentEvent(
            id: String(entry.sequence), event: stageOnly ? "stage" : "state",
            data: JobResource.eventJSON(entry).canonicalString())
    }

    /// The job's current progress: `{"progress", "stage", "state"}`.
    static func progressEvent(_ job: Job) -> ServerSentEvent {
        ServerSentEvent(
            id: nil, event: "progress",
            data: JSONValue.object([
                "progress": JSONValue(number: job.progress), "stage": job.stage.map(JSONValue.string) ?? .null,
                "state": .string(job.state.rawValue),
            ]).canonicalString())
    }
}
