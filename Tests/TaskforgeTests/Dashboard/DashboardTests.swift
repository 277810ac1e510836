import Foundation
import Logging
import TaskDashboard
import TaskRuntime
import TaskServer
import TaskStorePostgres
import TaskforgeTestSupport
import Tasks
import Testing

/// The dashboard's server side over real HTTP: sessions, CSRF, scopes, escaping, the live stream.
/// How it looks and behaves in a browser is Tests/Browser's (DashboardBrowserTests).
@Suite("dashboard")
struct DashboardTests {
    static func with(
        authentication: Authentication = .off, dashboard: Dashboard = Dashboard(),
        _ body: (TestServer) async throws -> Void
    ) async throws {
        try await TestServer.with(
            catalog: GeneratedTasks.catalog, openAPIDocument: GeneratedTasks.openAPIDocument,
            authentication: authentication,
            routeSets: [dashboard], transport: .loopback, body)
    }

    @Test func behindAProxysPrefixEveryLinkAndTheCookieCarryIt() async throws {
        let dashboard = Dashboard(configuration: DashboardConfiguration(basePath: "ops/"))
        try await Self.with(authentication: .required, dashboard: dashboard) { server in
            let browser = BrowserSession(server)
            let first = try await browser.get("/ui/jobs")
            #expect(first.headers["location"] == "/ops/ui/sign-in?next=%2Fops%2Fui%2Fjobs")
            #expect(first.headers["set-cookie"]?.contains("Path=/ops/ui") == true)
            let form = try await browser.get("/ui/sign-in")
            #expect(
                form.body.contains("action=\"/ops/ui/sign-in\"")
                    && form.body.contains("href=\"/ops/ui/assets/dashboard.css\""))
            #expect(!form.body.contains("\"/ui/"))
        }
    }

    @Test func pagesCarryASessionCookieAndAStrictPolicy() async throws {
        try await Self.with { server in
            let browser = BrowserSession(server)
            for path in ["/ui", "/ui/jobs", "/ui/workers", "/ui/schedules", "/ui/tasks"] {
                let page = try await browser.get(path)
                #expect(page.status == 200, "\(path)")
                #expect(page.headers["content-security-policy"]?.contains("script-src 'self'") == true)
                #expect(page.headers["content-security-policy"]?.contains("unsafe-inline") == false)
                #expect(page.headers["x-content-type-options"] == "nosniff")
                #expect(page.body.contains("<h1>"))
            }
            let cookie = try await BrowserSession(server).get("/ui").headers["set-cookie"] ?? ""
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Path=/ui"))
            #expect(!cookie.contains("Secure"))
            #expect(try await browser.get("/ui/nowhere").status == 404)
            #expect(try await browser.get("/ui/jobs?state=sideways").body.contains("invalid_parameter"))
        }
    }

    @Test func theOverviewCountsTheLastHourPerQueue() async throws {
        try await Self.with { server in
            for message in ["a", "b"] {
                let reply = try await server.submit("echo", ["message": .string(message)])
                _ = try await server.waitUntilFinished(try #require(reply.json["id"]?.stringValue))
            }
            let overview = try await BrowserSession(server).get("/ui")
            let row = try #require(overview.body.components(separatedBy: "<tr data-queue=\"default\">").last)
            #expect(row.contains("aria-label=\"2 finished in the last hour, 0 failed; busiest minute"))
            #expect(row.contains("<rect class=\"ok\""))
        }
    }

    @Test func anActionNeedsTheSessionsCSRFToken() async throws {
        try await Self.with { server in
            let browser = BrowserSession(server)
            let token = try #require(try await browser.get("/ui").csrfToken)
            let missing = try await browser.post("/ui/actions/queues/pause", [("queue", "default")])
            #expect(missing.status == 403 && missing.body.contains("csrf_token_invalid"))
            let wrong = try await browser.post(
                "/ui/actions/queues/pause", [("queue", "default"), ("csrf", "AAAA" + token.dropFirst(4))])
            #expect(wrong.status == 403)
            // Another session's token is not this session's.
            let other = BrowserSession(server)
            let otherToken = try #require(try await other.get("/ui").csrfToken)
            #expect(
                try await browser.post("/ui/actions/queues/pause", [("queue", "default"), ("csrf", otherToken)]).status
                    == 403)
            #expect(try await server.store.pausedQueues().isEmpty)

            let paused = try await browser.post("/ui/actions/queues/pause", [("queue", "default"), ("csrf", token)])
            #expect(paused.status == 303 && paused.headers["location"]?.hasPrefix("/ui?notice=") == true)
            #expect(try await server.store.pausedQueues().map(\.name) == ["default"])
            #expect(try await browser.get("/ui").body.contains("badge paused"))
            #expect(
                try await browser.post("/ui/actions/queues/resume", [("queue", "default"), ("csrf", token)]).status
                    == 303)
            #expect(try await server.store.pausedQueues().isEmpty)
        }
    }

    @Test func withTokensAPersonSignsInAndAReadTokenCannotAct() async throws {
        try await Self.with(authentication: .required) { server in
            let reader = try await AuthenticationTests.token(server, "reader", [.read])
            let submitter = try await AuthenticationTests.token(server, "submitter", [.submit, .read])
            let own = try await server.request(
                "POST", "/v1/tasks/sleep", body: #"{"seconds": 30}"#, headers: AuthenticationTests.bearer(submitter))
            let ownID = try #require(own.json["id"]?.stringValue)

            let browser = BrowserSession(server)
            let first = try await browser.get("/ui/jobs?state=pending")
            #expect(
                first.status == 303 && first.headers["location"] == "/ui/sign-in?next=%2Fui%2Fjobs%3Fstate%3Dpending")
            let form = try await browser.get("/ui/sign-in")
            let csrf = try #require(form.csrfToken)
            let refused = try await browser.post(
                "/ui/sign-in", [("csrf", csrf), ("token", "tf_nope_nope"), ("next", "/ui")])
            #expect(refused.status == 401 && !refused.body.contains("tf_nope_nope"))
            let signedIn = try await browser.post(
                "/ui/sign-in", [("csrf", csrf), ("token", reader), ("next", "https://evil.example/")])
            #expect(signedIn.status == 303 && signedIn.headers["location"] == "/ui")

            // The reader sees no job of the submitter's, and no action.
            let jobs = try await browser.get("/ui/jobs")
            #expect(jobs.status == 200 && !jobs.body.contains(ownID))
            #expect(!jobs.body.contains("/ui/actions/"))
            #expect(!jobs.body.contains(reader))
            let overview = try await browser.get("/ui")
            #expect(!overview.body.contains("/ui/actions/"))
            let token = try #require(overview.csrfToken)
            let forged = try await browser.post("/ui/actions/queues/pause", [("queue", "default"), ("csrf", token)])
            #expect(forged.status == 403 && forged.body.contains("insufficient_scope"))
            let cancel = try await browser.post("/ui/actions/jobs/cancel", [("id", ownID), ("csrf", token)])
            #expect(cancel.status == 403)
            #expect(try await server.store.pausedQueues().isEmpty)
            let ownUUID = try #require(UUID(uuidString: ownID))
            #expect(try await server.store.job(id: ownUUID)?.state != .cancelled)
            _ = try await server.store.requestCancel(id: ownUUID)

            // Revoking the token ends its sessions, and the live stream of a page it holds open.
            let stream = try await browser.open("/ui/live?view=%2Fui")
            #expect(stream.status == .ok)
            var events = EventReader(stream)
            #expect(try await events.next()?.name == "update")
            let readerID = try #require(TokenSecret(presented: reader)?.id)
            #expect(try await server.store.revokeToken(readerID, at: Date()) != nil)
            #expect(try await events.next()?.name == "end")
            #expect(try await browser.get("/ui").status == 303)
        }
    }

    @Test func valuesFromJobsAreTextNeverMarkup() async throws {
        try await Self.with { server in
            let reply = try await server.submit("echo", ["message": "<script>alert(1)</script>\"'&"])
            let id = try #require(reply.json["id"]?.stringValue)
            _ = try await server.waitUntilFinished(id)
            let browser = BrowserSession(server)
            let page = try await browser.get("/ui/jobs/\(id)")
            #expect(page.status == 200)
            #expect(!page.body.contains("<script>alert"))
            #expect(page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;\\&quot;&#39;&amp;"))
        }
    }

    @Test func aFinishedJobsStreamSendsItOnceAndEnds() async throws {
        try await Self.with { server in
            let reply = try await server.submit("echo", ["message": "streamed"])
            let id = try #require(reply.json["id"]?.stringValue)
            _ = try await server.waitUntilFinished(id)
            let browser = BrowserSession(server)
            let stream = try await browser.get("/ui/live?view=%2Fui%2Fjobs%2F\(id)")
            #expect(stream.status == 200 && stream.headers["content-type"] == "text/event-stream")
            #expect(stream.body.hasPrefix("retry: 1000\n\nevent: update\ndata: "))
            #expect(stream.body.contains("streamed") && stream.body.hasSuffix("event: end\ndata: \n\n"))
            #expect(try await browser.get("/ui/live?view=%2Fevil").status == 400)
        }
    }

    @Test func bulkActionsTakeTheSelectedOrEveryMatchingJob() async throws {
        try await Self.with { server in
            _ = try await server.store.pauseQueue("default", by: nil, at: Date())
            var ids: [String] = []
            for index in 0..<5 {
                let reply = try await server.submit(
                    index < 3 ? "sleep" : "echo", index < 3 ? ["seconds": 30] : ["message": "m"])
                ids.append(try #require(reply.json["id"]?.stringValue))
            }
            let browser = BrowserSession(server)
            let page = try await browser.get("/ui/jobs?task=sleep&state=pending")
            #expect(page.body.contains("Cancel all 3 matching"))
            let token = try #require(page.csrfToken)
            let selected = try await browser.post(
                "/ui/actions/jobs/cancel", [("id", ids[3]), ("csrf", token), ("back", "/ui/jobs")])
            #expect(selected.status == 303 && selected.headers["location"] == "/ui/jobs?notice=1%20cancelled.")
            let matching = try await browser.post(
                "/ui/actions/jobs/cancel-matching",
                [("task", "sleep"), ("state", "pending"), ("csrf", token), ("back", "//evil")])
            #expect(matching.status == 303 && matching.headers["location"] == "/ui?notice=3%20cancelled.")
            var states: [JobState] = []
            for id in ids {
                let uuid = try #require(UUID(uuidString: id))
                states.append(try #require(try await server.store.job(id: uuid)).state)
            }
            #expect(states == [.cancelled, .cancelled, .cancelled, .cancelled, .pending])
            let unfiltered = try await browser.post("/ui/actions/jobs/cancel-matching", [("csrf", token)])
            #expect(unfiltered.status == 400)
            // Each cancel is in the job's history, by whom (the local operator: no tokens).
            let first = try #require(UUID(uuidString: ids[0]))
            #expect(try await server.store.actions(forJob: first).map(\.kind) == [.cancel])
            #expect(
                try await browser.get("/ui/jobs/\(ids[0])").body.contains(
                    "<span class=\"badge\">cancel</span> by the local operator"))
        }
    }

    /// A queue paused when a job arrived and resumed while it waited: both are in the job's timeline,
    /// with who did them, though the actions were on the queue.
    @Test func aJobsTimelineShowsTheQueuePausesOfItsLife() async throws {
        try await Self.with { server in
            let browser = BrowserSession(server)
            let token = try #require(try await browser.get("/ui").csrfToken)
            #expect(
                try await browser.post("/ui/actions/queues/pause", [("queue", "default"), ("csrf", token)]).status
                    == 303)
            let reply = try await server.submit("echo", ["message": "held"])
            let id = try #require(reply.json["id"]?.stringValue)
            #expect(
                try await browser.post("/ui/actions/queues/resume", [("queue", "default"), ("csrf", token)]).status
                    == 303)
            let body = try await browser.get("/ui/jobs/\(id)").body
            #expect(body.contains("<span class=\"badge\">queue default paused</span> by the local operator"))
            #expect(body.contains("<span class=\"badge\">queue default resumed</span> by the local operator"))
        }
    }

    /// The jobs list finds jobs by a `search:` input field and by creation time, from the URL; a
    /// field no task makes searchable is refused with the fields that are.
    @Test func theJobsListSearchesInputFieldsAndCreationTimes() async throws {
        try await Self.with { server in
            _ = try await server.store.pauseQueue("default", by: nil, at: Date())
            var ids: [String] = []
            for seconds in [30, 5, 2] {
                ids.append(
                    try #require(
                        try await server.submit("sleep", ["seconds": .number(Double(seconds))]).json["id"]?.stringValue)
                )
            }
            let browser = BrowserSession(server)
            let found = try await browser.get("/ui/jobs?input=seconds%3D1..10")
            #expect(found.status == 200)
            #expect(found.body.contains(ids[1]) && found.body.contains(ids[2]) && !found.body.contains(ids[0]))
            #expect(found.body.contains("value=\"seconds=1..10\""))
            let exact = try await browser.get("/ui/jobs?task=sleep&input=seconds%3D30")
            #expect(exact.body.contains(ids[0]) && !exact.body.contains(ids[1]))

            let refused = try await browser.get("/ui/jobs?input=message%3Dhi")
            #expect(refused.status == 400)
            #expect(
                refused.body.contains("&#39;message&#39; is not a searchable input field")
                    || refused.body.contains("'message' is not a searchable input field"))
            #expect(try await browser.get("/ui/jobs?input=seconds").status == 400)

            #expect(try await browser.get("/ui/jobs?from=2000-01-01T00:00").body.contains(ids[0]))
            let none = try await browser.get("/ui/jobs?to=2000-01-01T00:00:00Z")
            #expect(none.status == 200 && !none.body.contains(ids[0]))
            #expect(try await browser.get("/ui/jobs?from=yesterday").status == 400)
        }
    }

    /// On PostgreSQL an open page renders again when the store announces a change (`LISTEN`/`NOTIFY`),
    /// not on a clock: with the quiet fallback at ten minutes, a submitted job still reaches the
    /// open overview at once.
    @Test func onPostgreSQLAPageIsUpdatedByTheStoresNotifications() async throws {
        try await PostgresTestServer.fromEnvironment().withDatabase { url, _ in
            let store = try await PostgresJobStore.connect(to: url, logger: Logger(label: "test"))
            do {
                let dashboard = Dashboard(
                    configuration: DashboardConfiguration(
                        liveInterval: .milliseconds(100), quietInterval: .seconds(600)))
                try await TestServer.with(
                    catalog: GeneratedTasks.catalog, openAPIDocument: GeneratedTasks.openAPIDocument,
                    routeSets: [dashboard],
                    jobStore: store, transport: .loopback
                ) { server in
                    _ = try await server.store.pauseQueue("default", by: nil, at: Date())
                    let stream = try await BrowserSession(server).open("/ui/live?view=%2Fui")
                    var events = EventReader(stream)
                    let opening = try #require(try await events.next())
                    #expect(opening.name == "update" && opening.data.contains("<dt>Pending</dt><dd>0</dd>"))
                    _ = try await server.submit("sleep", ["seconds": 30])
                    let next = try #require(try await events.next())
                    #expect(next.name == "update" && next.data.contains("<dt>Pending</dt><dd>1</dd>"))
                }
                await store.close()
            } catch {
                await store.close()
                throw error
            }
        }
    }

    /// A stream is closed after its lifetime without `end`, having told the browser to reopen it after
    /// a second (`retry`), which is how a dropped stream resumes too.
    @Test func aStreamEndsAfterItsLifetimeForTheBrowserToReopen() async throws {
        let dashboard = Dashboard(
            configuration: DashboardConfiguration(liveInterval: .milliseconds(50), streamLifetime: .milliseconds(300)))
        try await Self.with(dashboard: dashboard) { server in
            let stream = try await BrowserSession(server).open("/ui/live?view=%2Fui")
            var events = EventReader(stream)
            #expect(try await events.next()?.name == "update")
            #expect(try await events.next() == nil)
            let whole = try await BrowserSession(server).get("/ui/live?view=%2Fui%2Fworkers").body
            #expect(whole.hasPrefix("retry: 1000\n\n") && !whole.contains("event: end"))
        }
    }
}
