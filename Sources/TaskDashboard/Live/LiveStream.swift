import Foundation
import Hummingbird
import NIOCore
import TaskRuntime
import TaskServer

/// `GET /ui/live?view=<page>`: one Server-Sent Events stream per open page. It renders the page's
/// live part again, as the session's principal sees it, and sends it as an `update` event when it
/// differs from the last one sent; the page swaps it in. When it renders:
///
/// - with a change feed (PostgreSQL: `LISTEN`/`NOTIFY`, ``JobStore/changeFeed()``), when the store
///   announces a change, at most once per `interval`, and after `quietInterval` without one (times
///   shown relative to now move on their own);
/// - without one (SQLite), every `interval`.
///
/// A page that stops being live (its job finished) gets a last `update` and `end`. Comment lines
/// keep a quiet stream open through proxies. After `lifetime` the server closes the stream without
/// `end`, and the browser's `EventSource` reopens it after the announced `retry` (1 s), as it
/// reopens a dropped one: the new stream's first event renders the page afresh. A session whose
/// token is revoked while the page is open gets `end` at the next render.
struct LiveStream: Sendable {
    let renderer: PageRenderer
    let view: View
    let context: DashboardContext
    /// The store's announcements of changes; `nil` to poll every `interval`.
    let changes: AsyncStream<Void>?
    let interval: Duration
    let quietInterval: Duration
    let lifetime: Duration
    /// Whether the session's token is still valid, asked before every render: a token revoked (or
    /// expired) while a page is open ends its stream with `end`. `true` when the server needs no token.
    let isSignedIn: @Sendable () async throws -> Bool
    static let keepAliveInterval: Duration = .seconds(15)
    /// How long a browser waits before reopening a closed stream (the stream's `retry` field).
    static let reconnectDelay: Duration = .seconds(1)

    func response() -> Response {
        Response(
            status: .ok,
            headers: [.contentType: "text/event-stream", .cacheControl: "no-store"],
            body: ResponseBody { writer in
                try await stream { try await writer.write(ByteBuffer(string: $0)) }
                try await writer.finish(nil)
            })
    }

    func stream(_ send: (String) async throws -> Void) async throws {
        guard let changes else {
            try await renderLoop(send) { try await Task.sleep(for: interval) }
            return
        }
        let doorbell = Doorbell()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for await _ in changes { doorbell.ring() }
            }
            defer { group.cancelAll() }
            try await renderLoop(send) {
                // A change announced during the pause is remembered by the doorbell.
                try await Task.sleep(for: interval)
                await doorbell.wait(timeout: quietInterval - interval)
            }
        }
    }

    /// Renders and sends until the connection closes or the view ends, calling `pause` between renders.
    private func renderLoop(_ send: (String) async throws -> Void, pause: () async throws -> Void) async throws {
        let clock = ContinuousClock()
        let channel = context.api.channel
        var last: HTML?
        let start = clock.now
        var lastSendAt = start
        try await send("retry: \(Self.reconnectDelay.components.seconds * 1000)\n\n")
        // The first render is sent too: the page may have changed since it was served.
        while channel.isActive, clock.now - start < lifetime {
            guard try await isSignedIn() else {
                try await send(Self.event("end", ""))
                return
            }
            let page = try await renderer.render(view, context: context)
            if page.live != last {
                try await send(Self.event("update", page.live.text))
                last = page.live
                lastSendAt = clock.now
            } else if clock.now - lastSendAt >= Self.keepAliveInterval {
                try await send(": keep-alive\n\n")
                lastSendAt = clock.now
            }
            if !page.isLive {
                try await send(Self.event("end", ""))
                return
            }
            try await pause()
        }
    }

    /// An event in wire form: one `data:` line per line of `data`.
    static func event(_ name: String, _ data: String) -> String {
        "event: \(name)\n"
            + data.split(separator: "\n", omittingEmptySubsequences: false).map { "data: \($0)\n" }.joined() + "\n"
    }
}
