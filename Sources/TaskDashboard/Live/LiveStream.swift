import Foundation
import Hummingbird
import NIOCore
import TaskServer

/// `GET /ui/live?view=<page>`: one Server-Sent Events stream per open page. Every
/// ``DashboardConfiguration/liveInterval`` it renders the page's live part again, as the session's
/// principal sees it, and sends it as an `update` event when it differs from the last one sent; the
/// page swaps it in. A page that stops being live (its job finished) gets a last `update` and `end`.
/// Comment lines keep a quiet stream open through proxies; a dropped stream is reopened by the
/// browser's `EventSource`, which renders the page afresh. A session whose token is revoked while the
/// page is open gets `end` at the next render.
struct LiveStream: Sendable {
    let renderer: PageRenderer
    let view: View
    let context: DashboardContext
    let interval: Duration
    /// Whether the session's token is still valid, asked before every render: a token revoked (or
    /// expired) while a page is open ends its stream with `end`. `true` when the server needs no token.
    let isSignedIn: @Sendable () async throws -> Bool
    static let keepAliveInterval: Duration = .seconds(15)

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
        let clock = ContinuousClock()
        let channel = context.api.channel
        var last: HTML?
        var lastSendAt = clock.now
        // The first render is sent too: the page may have changed since it was served.
        while channel.isActive {
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
            try await Task.sleep(for: interval)
        }
    }

    /// An event in wire form: one `data:` line per line of `data`.
    static func event(_ name: String, _ data: String) -> String {
        "event: \(name)\n" + data.split(separator: "\n", omittingEmptySubsequences: false).map { "data: \($0)\n" }.joined() + "\n"
    }
}
