import Foundation
import TaskRuntime
import TaskServer

/// Renders each view from ``TaskOperations`` as the request's principal sees it: a read-only
/// principal gets the same tables without the action forms, and the actions refuse it anyway.
struct PageRenderer: Sendable {
    let operations: TaskOperations
    let paths: Paths
    let configuration: DashboardConfiguration
    let lastHour: LastHourCache

    func render(_ view: View, context: DashboardContext, now: Date = Date()) async throws -> Page {
        let request = RenderRequest(context: context, layout: layout(context), now: now)
        switch view {
        case .overview: return try await overview(request)
        case .jobs(let filter): return try await jobs(filter, request)
        case .job(let id): return try await job(id: id, request)
        case .workers: return try await workers(request)
        case .schedules: return try await schedules(request)
        case .tasks: return try tasks(request)
        }
    }

    func layout(_ context: DashboardContext) -> Layout {
        Layout(
            paths: paths, principal: context.api.principal,
            signedIn: operations.configuration.authentication != .off, csrfToken: context.csrfToken)
    }
}

/// What every page renders for: who asks, the frame's helpers, and one `now` for every relative time.
struct RenderRequest {
    let context: DashboardContext
    let layout: Layout
    let now: Date

    var api: TaskRequestContext { context.api }
    var principal: Principal? { context.api.principal }

    func may(_ scope: TokenScope) -> Bool { principal?.has(scope) ?? false }

    /// A small form that posts one action with its CSRF token; `fields` are hidden inputs.
    func actionForm(_ action: String, _ label: String, fields: [(String, String)], style: String = "") -> HTML {
        let inputs = fields.map { "<input type=\"hidden\" name=\"\($0.0)\" value=\"\($0.1)\">" as HTML }
        return """
            <form method="post" action="\(action)" class="inline">\(layout.csrfField)\(inputs)<button type="submit" class="\(style)">\(label)</button></form>
            """
    }
}

/// A job's state as a badge.
func stateBadge(_ state: JobState) -> HTML {
    "<span class=\"badge state-\(state.rawValue)\">\(state.rawValue)</span>"
}
