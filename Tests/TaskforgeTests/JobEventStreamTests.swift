import AsyncHTTPClient
import Foundation
import NIOCore
import TaskRuntime
import TaskServer
import TaskforgeTestSupport
import Tasks
import Testing

/// `GET /v1/jobs/{id}/events` as Server-Sent Events, read off the wire by a plain HTTP client.
@Suite("Job event stream")
struct JobEventStreamTests {
    /// One event as the wire carries it.
    struct WireEvent: Equatable {
        var id: String?
        var event: String
        var data: JSONValue
    }

    /// The stream's raw text, read until the server ends it or `until` holds for the text so far.
    static func read(
        _ server: TestServer, _ jobID: String, headers: [String: String] = [:], until: (String) -> Bool = { _ in false }
    ) async throws -> (contentType: String?, text: String) {
        var request = HTTPClientRequest(url: server.baseURL + "/v1/jobs/\(jobID)/events")
        request.headers.add(name: "Accept", value: "text/html, text/event-stream;q=0.9")
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        #expect(response.status == .ok)
        var text = ""
        for try await buffer in response.body {
            text += String(buffer: buffer)
            if until(text) { break }
        }
        return (response.headers.first(name: "content-type"), text)
    }

    /// The events of `text`: blocks separated by a blank line; comment lines skipped.
    static func events(_ text: String) throws -> [WireEvent] {
        try text.components(separatedBy: "\n\n").filter { !$0.isEmpty && !$0.hasPrefix(":") }.map { block in
            var event = WireEvent(id: nil, event: "", data: .null)
            for line in block.split(separator: "\n") {
                let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                switch parts[0] {
                case "id": event.id = parts[1]
                case "event": event.event = parts[1]
                case "data": event.data = try JSONValue(json: Data(parts[1].utf8))
                default: Issue.record("unexpected line '\(line)'")
                }
            }
            return event
        }
    }

    @Test func theStreamCarriesStatesAndThrottledProgressAndEndsAfterTheFinalState() async throws {
        try await TestServer.with(
            catalog: GeneratedTasks.catalog, openAPIDocument: GeneratedTasks.openAPIDocument, transport: .loopback
        ) {
            server in
            let id = try #require(try await server.submit("sleep", ["seconds": 1.5]).json["id"]?.stringValue)
            let (contentType, text) = try await Self.read(server, id)
            #expect(contentType == "text/event-stream")
            let events = try Self.events(text)
            let logged = events.filter { $0.id != nil }
            #expect(logged.map(\.event) == ["state", "state", "state"], "\(text)")
            #expect(logged.map { $0.data["state"] } == ["pending", "running", "succeeded"], "\(text)")
            let ids = logged.compactMap { $0.id.flatMap(Int.init) }
            #expect(ids == ids.sorted() && Set(ids).count == 3)
            #expect(events.last == logged.last, "the stream ends with the final state's event")
            // Progress: no id, only changed values, rising, at most about four a second (how many a
            // loaded machine's poll sees depends on its speed, none when its first poll comes after the
            // job finished; never more than the throttle lets by). A running job's first poll always
            // sends one: aQuietStreamSendsKeepAliveComments.
            let progress = events.filter { $0.event == "progress" }.compactMap { $0.data["progress"]?.doubleValue }
            #expect(progress.count <= 9, "\(progress)")
            #expect(progress == progress.sorted() && Set(progress).count == progress.count, "\(progress)")
            #expect(events.filter { $0.event == "progress" }.allSatisfy { $0.id == nil })
            // The JSON form is unchanged: the log, oldest first.
            let log = try await server.request("GET", "/v1/jobs/\(id)/events").json["events"]?.arrayValue ?? []
            #expect(log.map { $0["state"] } == ["pending", "running", "succeeded"])
            #expect(log.map { $0["id"]?.doubleValue.map { String(Int($0)) } } == logged.map(\.id))
        }
    }

    @Test func lastEventIDResumesAfterThatEvent() async throws {
        try await TestServer.with(
            catalog: GeneratedTasks.catalog, openAPIDocument: GeneratedTasks.openAPIDocument, transport: .loopback
        ) {
            server in
            let id = try #require(try await server.submit("echo", ["message": "hi"]).json["id"]?.stringValue)
            _ = try await server.waitUntilFinished(id)
            let all = try Self.events(try await Self.read(server, id).text)
            #expect(all.map(\.event) == ["state", "state", "state"])
            let first = try #require(all.first?.id)
            let resumed = try Self.events(try await Self.read(server, id, headers: ["Last-Event-ID": first]).text)
            #expect(resumed == Array(all.dropFirst()))
            // After the final event there is nothing more to send: the stream ends at once, empty.
            let last = try #require(all.last?.id)
            #expect(try await Self.read(server, id, headers: ["Last-Event-ID": last]).text == "")
            let bad = try await server.request(
                "GET", "/v1/jobs/\(id)/events", headers: ["Accept": "text/event-stream", "Last-Event-ID": "soon"])
            #expect(
                bad.status == 400 && bad.json["code"] == "invalid_parameter" && bad.json["parameter"] == "Last-Event-ID"
            )
            // The JSON form refuses it too (schemathesis found it ignored there).
            let badJSON = try await server.request("GET", "/v1/jobs/\(id)/events", headers: ["Last-Event-ID": "{}"])
            #expect(badJSON.status == 400 && badJSON.json["parameter"] == "Last-Event-ID")
        }
    }

    @Test func aQuietStreamSendsKeepAliveComments() async throws {
        try await TestServer.with(
            catalog: GeneratedTasks.catalog, openAPIDocument: GeneratedTasks.openAPIDocument,
            eventStream: EventStreamSettings(pollInterval: .milliseconds(20), keepAliveInterval: .milliseconds(100)),
            transport: .loopback
        ) { server in
            // Held back for an hour: nothing happens to it.
            let delayed = try await server.request("POST", "/v1/tasks/echo?delay=1h", body: #"{"message": "later"}"#)
            let id = try #require(delayed.json["id"]?.stringValue)
            let (_, text) = try await Self.read(server, id) { $0.components(separatedBy: ": keep-alive\n\n").count > 3 }
            let events = try Self.events(text)
            #expect(events.map(\.event) == ["state", "progress"], "\(text)")
            #expect(text.hasSuffix(": keep-alive\n\n"))
        }
    }

    @Test func anotherPrincipalsJobIsNotFound() async throws {
        try await TestServer.with(
            catalog: GeneratedTasks.catalog, openAPIDocument: GeneratedTasks.openAPIDocument, authentication: .required,
            transport: .loopback
        ) { server in
            let mine = try await AuthenticationTests.token(server, "mine", [.submit, .read])
            let theirs = try await AuthenticationTests.token(server, "theirs", [.read])
            let submitted = try await server.request(
                "POST", "/v1/tasks/echo", body: #"{"message": "x"}"#, headers: AuthenticationTests.bearer(mine))
            let id = try #require(submitted.json["id"]?.stringValue)
            let stream = ["Accept": "text/event-stream"]
            let refused = try await server.request(
                "GET", "/v1/jobs/\(id)/events", headers: stream.merging(AuthenticationTests.bearer(theirs)) { $1 })
            #expect(refused.status == 404 && refused.json["code"] == "job_not_found")
            let anonymous = try await server.request("GET", "/v1/jobs/\(id)/events", headers: stream)
            #expect(anonymous.status == 401)
        }
    }

    /// A cancel sent while the stream is open ends it with the `cancelled` state. (How soon is a
    /// benchmark figure, not a test: see the note of the issue.)
    @Test func aCancelEndsTheOpenStream() async throws {
        try await TestServer.with(
            catalog: GeneratedTasks.catalog, openAPIDocument: GeneratedTasks.openAPIDocument, transport: .loopback
        ) {
            server in
            let id = try #require(try await server.submit("sleep", ["seconds": 600]).json["id"]?.stringValue)
            try await server.waitForJob(id) { $0["state"] == "running" }
            let cancelled = Task {
                // Cancel once the stream is open and has sent the running state.
                try await server.waitFor("/v1/jobs/\(id)") { $0["state"] == "running" }
                _ = try await server.request("POST", "/v1/jobs/\(id)/cancel")
            }
            let (_, text) = try await Self.read(server, id)
            _ = try await cancelled.value
            #expect(try Self.events(text).last?.data["state"] == "cancelled")
        }
    }
}
