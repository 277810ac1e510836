import Foundation
import Hummingbird
import NIOCore
import TaskRuntime

/// A rendered dashboard page: its title, the part that stays while it is open (filters, forms), and
/// the part its live stream replaces (`#live`).
struct Page: Sendable {
    enum Section: String, Sendable, CaseIterable {
        case overview = "Overview", jobs = "Jobs", workers = "Workers", schedules = "Schedules", tasks = "Tasks"
    }

    var title: String
    var section: Section?
    var controls: HTML = .empty
    var live: HTML
    /// Whether the page follows changes (a finished job's page does not).
    var isLive = true
}

/// The frame around every page: navigation, who is signed in, the live toggle, and the assets.
struct Layout {
    let paths: Paths
    let principal: Principal?
    /// Whether the server requires tokens (then the header offers sign-out).
    let signedIn: Bool
    let csrfToken: String

    /// The whole document; `view` is the page's own path and query, which its live stream renders again.
    func document(_ page: Page, view: String, notice: String? = nil) -> HTML {
        let nav = Page.Section.allCases.map { section -> HTML in
            let href =
                switch section {
                case .overview: paths.root
                case .jobs: paths.jobsRoot
                case .workers: paths.workers
                case .schedules: paths.schedules
                case .tasks: paths.tasks
                }
            let current: HTML = section == page.section ? " aria-current=\"page\"" : ""
            return "<li><a href=\"\(href)\"\(current)>\(section.rawValue)</a></li>"
        }
        let live: HTML =
            page.isLive
            ? "<div class=\"live\" id=\"live\" data-stream=\"\(paths.live(view))\" aria-live=\"polite\">\(page.live)</div>"
            : "<div id=\"live\">\(page.live)</div>"
        let toggle: HTML =
            page.isLive
            ? "<button type=\"button\" class=\"live-toggle\" id=\"live-toggle\" aria-pressed=\"false\">Pause live updates</button>"
            : ""
        return """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="color-scheme" content="light dark">
            <title>\(page.title) · Taskforge</title>
            <link rel="stylesheet" href="\(paths.asset("dashboard.css"))">
            <script src="\(paths.asset("dashboard.js"))" defer></script>
            </head>
            <body>
            <a class="skip" href="#main">Skip to content</a>
            <header>
            <a class="brand" href="\(paths.root)">Taskforge</a>
            <nav aria-label="Sections"><ul>\(nav)</ul></nav>
            <div class="who">\(who)\(toggle)</div>
            </header>
            <main id="main">
            <h1>\(page.title)</h1>
            \(notice.map { "<p class=\"notice\" role=\"status\">\($0)</p>" as HTML })
            \(page.controls)
            \(live)
            </main>
            </body>
            </html>

            """
    }

    private var who: HTML {
        guard signedIn else { return "" }
        guard let principal else { return "" }
        return """
            <span class="principal">\(principal.tokenID ?? "local") · \(principal.scopes.sorted().map(\.rawValue).joined(separator: ", "))</span>
            <form method="post" action="\(paths.signOut)" class="inline"><input type="hidden" name="csrf" value="\(csrfToken)"><button type="submit">Sign out</button></form>
            """
    }

    /// The hidden field every form carries.
    var csrfField: HTML { "<input type=\"hidden\" name=\"csrf\" value=\"\(csrfToken)\">" }
}

extension Response {
    /// An HTML page.
    static func html(_ html: HTML, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: html.text)))
    }
}
