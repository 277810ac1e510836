import Foundation
import Hummingbird
import TaskRuntime
import TaskServer

/// The dashboard's `POST` actions. The middleware has checked the CSRF token; each action then goes
/// through ``TaskOperations``, which checks the principal's scope and ownership as the API does, so
/// a read-only session's forged post is refused whatever the page showed. Each answers `303 See
/// Other` back to the page it came from, with what it did in `notice`.
struct DashboardActions: Sendable {
    let operations: TaskOperations
    let paths: Paths
    /// The most jobs one bulk action takes.
    static let maxBulk = 1000

    /// Cancels the selected jobs (`id`, repeated); one that already finished is counted, not an error.
    func cancel(_ request: Request, context: DashboardContext) async throws -> Response {
        let form = context.form
        var counts = Counts()
        for id in try ids(form) {
            try await cancelOne(id, context: context, counts: &counts)
        }
        return back(form, notice: counts.describe(done: "cancelled", requested: "asked to stop"))
    }

    /// Retries the selected jobs; one that is not failed, cancelled or quarantined is counted, not an error.
    func retry(_ request: Request, context: DashboardContext) async throws -> Response {
        let form = context.form
        var counts = Counts()
        for id in try ids(form) {
            try await retryOne(id, context: context, counts: &counts)
        }
        return back(form, notice: counts.describe(done: "retried", requested: ""))
    }

    /// Cancels every job matching the form's filters (`state`, `task`, `queue`, `id`), newest first, a
    /// page of ``batchSize`` at a time, at most ``maxMatching`` per action.
    func cancelMatching(_ request: Request, context: DashboardContext) async throws -> Response {
        let form = context.form
        var counts = Counts()
        let more = try await forEachMatching(form, context: context) { job in
            try await cancelOne(job.id.lowercasedString, context: context, counts: &counts)
        }
        return back(
            form, notice: counts.describe(done: "cancelled", requested: "asked to stop") + (more ? Self.moreRemain : "")
        )
    }

    /// Retries every job matching the form's filters, as ``cancelMatching(_:context:)`` cancels them.
    func retryMatching(_ request: Request, context: DashboardContext) async throws -> Response {
        let form = context.form
        var counts = Counts()
        let more = try await forEachMatching(form, context: context) { job in
            try await retryOne(job.id.lowercasedString, context: context, counts: &counts)
        }
        return back(form, notice: counts.describe(done: "retried", requested: "") + (more ? Self.moreRemain : ""))
    }

    /// Cancels one job through ``TaskOperations`` (scope and ownership checked); a job that already
    /// finished is counted as left alone.
    private func cancelOne(_ id: String, context: DashboardContext, counts: inout Counts) async throws {
        do {
            switch try await operations.cancel(id: id, context: context.api) {
            case .cancelled: counts.done += 1
            case .requested: counts.requested += 1
            case .alreadyFinished, .notFound: counts.skipped += 1
            }
        } catch let problem as Problem where problem.code == .jobFinished {
            counts.skipped += 1
        }
    }

    /// Retries one job through ``TaskOperations``; a job in a state that cannot be retried is left alone.
    private func retryOne(_ id: String, context: DashboardContext, counts: inout Counts) async throws {
        do {
            _ = try await operations.retry(id: id, context: context.api)
            counts.done += 1
        } catch let problem as Problem where problem.code == .jobNotRetryable {
            counts.skipped += 1
        }
    }

    static let batchSize = 500
    static let maxMatching = 100_000
    private static let moreRemain = " More jobs match: run the action again."

    /// Calls `body` with each of the principal's jobs matching the form's filters (which must name at
    /// least one), reading them a page at a time; whether jobs remain past ``maxMatching``.
    private func forEachMatching(
        _ form: FormFields, context: DashboardContext, _ body: (Job) async throws -> Void
    ) async throws -> Bool {
        var filter = try JobFilter(
            Dictionary(form.fields.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first }))
        guard filter.isFiltered else {
            throw Problem.invalidParameter("state", "an action on every matching job needs at least one filter")
        }
        filter.before = nil
        var query = filter.query
        query.limit = Self.batchSize
        var seen = 0
        while seen < Self.maxMatching {
            let page = try await operations.jobs(matching: query, context: context.api)
            for job in page.jobs {
                // The page was read as this principal: only its own jobs (all for admin) are here.
                try await body(job)
            }
            seen += page.jobs.count
            guard let next = page.nextBefore else { return false }
            query.before = next
        }
        return true
    }

    func pause(_ request: Request, context: DashboardContext) async throws -> Response {
        let form = context.form
        let queue = try require(form, "queue")
        _ = try await operations.pauseQueue(queue, context: context.api)
        return back(form, notice: "Queue \(queue) paused: no worker claims its jobs until it is resumed.")
    }

    func resume(_ request: Request, context: DashboardContext) async throws -> Response {
        let form = context.form
        let queue = try require(form, "queue")
        _ = try await operations.resumeQueue(queue, context: context.api)
        return back(form, notice: "Queue \(queue) resumed.")
    }

    /// Enqueues one job of the schedule now, with its input, and shows it.
    func runSchedule(_ request: Request, context: DashboardContext) async throws -> Response {
        let form = context.form
        let id = try require(form, "schedule")
        guard let scheduled = operations.catalog.schedules.first(where: { $0.id == id }) else {
            throw Problem.invalidParameter("schedule", "no schedule with id '\(id)'")
        }
        let job = try operations.prepare(task: scheduled.task, input: scheduled.schedule.input, context: context.api)
        let outcome = try await operations.enqueue(job, context: context.api)
        return Response(status: .seeOther, headers: [.location: paths.job(outcome.job.id)])
    }

    // MARK: Form fields

    private func ids(_ form: FormFields) throws -> [String] {
        let ids = form.all("id")
        guard !ids.isEmpty else { throw Problem.invalidParameter("id", "select at least one job") }
        guard ids.count <= Self.maxBulk else {
            throw Problem.invalidParameter("id", "at most \(Self.maxBulk) jobs at a time, found \(ids.count)")
        }
        return ids
    }

    private func require(_ form: FormFields, _ name: String) throws -> String {
        guard let value = form[name], !value.isEmpty else { throw Problem.invalidParameter(name, "is required") }
        return value
    }

    /// `303` to the form's `back` (a dashboard page, else the overview), with `notice`.
    private func back(_ form: FormFields, notice: String) -> Response {
        let target = paths.pageOrOverview(form["back"])
        let separator = target.contains("?") ? "&" : "?"
        return Response(status: .seeOther, headers: [.location: target + separator + "notice=" + Paths.encode(notice)])
    }

    private struct Counts {
        var done = 0
        var requested = 0
        var skipped = 0

        func describe(done verb: String, requested requestedVerb: String) -> String {
            var parts = ["\(done) \(verb)"]
            if requested > 0 {
                parts.append("\(requested) running \(requested == 1 ? "job" : "jobs") \(requestedVerb)")
            }
            if skipped > 0 { parts.append("\(skipped) left as \(skipped == 1 ? "it was" : "they were")") }
            return parts.joined(separator: ", ") + "."
        }
    }
}
