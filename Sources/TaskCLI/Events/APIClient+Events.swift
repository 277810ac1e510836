import AsyncHTTPClient
import Foundation
import NIOCore
import TaskRuntime

/// The connection of an event stream failed or closed before the job finished; following it again
/// with the last event id resumes where it stopped.
struct EventStreamDropped: Error {
    let underlying: any Error
}

extension APIClient {
    /// Follows `GET /v1/jobs/{id}/events` as `text/event-stream` from after `lastEventID`, handing
    /// each event to `onEvent`, until the server ends the stream (the job finished). Throws
    /// ``CLIError`` when the server refuses (unknown job, bad token) and ``EventStreamDropped`` when
    /// the connection fails.
    func followEvents(
        ofJob id: String, after lastEventID: String?, using http: HTTPClient, _ onEvent: (StreamedEvent) -> Void
    ) async throws {
        var request = HTTPClientRequest(url: baseURL.trimmingSuffix("/") + "/v1/jobs/\(id)/events")
        request.headers.add(name: "Accept", value: "text/event-stream")
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        if let lastEventID { request.headers.add(name: "Last-Event-ID", value: lastEventID) }
        let response: HTTPClientResponse
        do {
            response = try await http.execute(request, deadline: .distantFuture)
        } catch {
            throw EventStreamDropped(underlying: error)
        }
        guard response.status == .ok else {
            let bytes = try? await response.body.collect(upTo: 1 << 20)
            throw CLIError(
                problem: bytes.flatMap { try? JSONValue(json: Data($0.readableBytesView)) },
                status: Int(response.status.code))
        }
        var parser = ServerSentEventParser()
        do {
            for try await buffer in response.body {
                for event in parser.feed(buffer.readableBytesView) { onEvent(event) }
            }
        } catch {
            throw EventStreamDropped(underlying: error)
        }
    }
}
