import Foundation
import TaskRuntime
import TaskServer

extension PageRenderer {
    /// The jobs matching the filter (state, task, queue, id prefix, a searchable input field, a
    /// creation time range), newest first, a page at a time (keyset: the cursor is the last job's
    /// sequence), with bulk cancel and retry of the selected ones.
    func jobs(_ filter: JobFilter, _ request: RenderRequest) async throws -> Page {
        try checkSearchable(filter)
        let page = try await operations.jobs(matching: filter.query, context: request.api)
        let view = Paths.with(paths.jobsRoot, filter.parameters(before: filter.before))
        let rows = page.jobs.map { job -> HTML in
            let id = job.id.lowercasedString
            return """
                <tr data-job="\(id)">
                <td><input type="checkbox" name="id" value="\(id)" form="bulk" aria-label="select job \(id)"></td>
                <td><a class="mono" href="\(paths.job(job.id))">\(String(id.prefix(8)))</a></td>
                <td>\(job.task) <span class="muted">v\(job.version)</span></td>
                <td>\(job.queue)</td>
                <td>\(stateBadge(job.state))\(job.stage.map { " <span class=\"muted\">\($0)</span>" as HTML })</td>
                <td class="num"><progress max="100" value="\(Format.percent(job.progress))" aria-label="progress of \(id)">\(Format.percent(job.progress)) %</progress></td>
                <td class="num">\(job.attempt)/\(job.maxAttempts)</td>
                <td>\(Format.time(job.createdAt, now: request.now))</td>
                <td>\(job.error.map { "<code>\($0.code.rawValue)</code>" as HTML })</td>
                </tr>
                """
        }
        var bulk: [HTML] = []
        if request.may(.cancel) {
            bulk.append(
                "<button type=\"submit\" formaction=\"\(paths.action("jobs/cancel"))\">Cancel selected</button>")
        }
        if request.may(.submit) {
            bulk.append("<button type=\"submit\" formaction=\"\(paths.action("jobs/retry"))\">Retry selected</button>")
        }
        let bulkForm: HTML =
            bulk.isEmpty
            ? ""
            : """
            <form method="post" id="bulk" action="\(paths.action("jobs/cancel"))" class="bulk">\(request.layout.csrfField)
            <input type="hidden" name="back" value="\(view)">\(bulk)</form>
            """
        let matching = try await matchingForm(filter, view: view, request)
        var pager: [HTML] = []
        if filter.before != nil {
            pager.append("<a href=\"\(Paths.with(paths.jobsRoot, filter.parameters()))\">Newest</a>")
        }
        if let next = page.nextBefore {
            pager.append(
                "<a rel=\"next\" href=\"\(Paths.with(paths.jobsRoot, filter.parameters(before: next)))\">Older</a>")
        }
        let table: HTML =
            page.jobs.isEmpty
            ? "<p class=\"empty\">No jobs\(filter.isFiltered ? " match these filters" : "" as HTML).</p>"
            : """
            <div class="scroll"><table class="jobs">
            <thead><tr><th scope="col"><span class="visually-hidden">Select</span></th><th scope="col">Job</th><th scope="col">Task</th>
            <th scope="col">Queue</th><th scope="col">State</th><th scope="col" class="num">Progress</th><th scope="col" class="num">Attempt</th>
            <th scope="col">Created</th><th scope="col">Error</th></tr></thead>
            <tbody>\(rows)</tbody>
            </table></div>
            """
        return Page(
            title: "Jobs", section: .jobs, controls: filterForm(filter),
            live: """
                \(bulkForm)
                \(matching)
                \(table)
                <nav class="pager" aria-label="Pages">\(pager)</nav>
                """)
    }

    /// Cancel or retry every job the filter matches, with the count the confirmation states (counted
    /// by the store up to ``DashboardActions/maxMatching``; more shows as `100,000+`).
    private func matchingForm(_ filter: JobFilter, view: String, _ request: RenderRequest) async throws -> HTML {
        guard filter.isFiltered, request.may(.cancel) || request.may(.submit) else { return "" }
        var query = filter.query
        query.before = nil
        let limit = DashboardActions.maxMatching
        let count = try await operations.countJobs(matching: query, upTo: limit + 1, context: request.api)
        guard count > 0 else { return "" }
        let shown = count > limit ? "\(Format.count(limit))+" : Format.count(count)
        let fields = filter.parameters().compactMap { name, value -> HTML? in
            guard name != "cursor", let value, !value.isEmpty else { return nil }
            return "<input type=\"hidden\" name=\"\(name)\" value=\"\(value)\">"
        }
        var buttons: [HTML] = []
        if request.may(.cancel) {
            buttons.append(
                "<button type=\"submit\" id=\"cancel-matching\" formaction=\"\(paths.action("jobs/cancel-matching"))\">Cancel all \(shown) matching</button>"
            )
        }
        if request.may(.submit) {
            buttons.append(
                "<button type=\"submit\" id=\"retry-matching\" formaction=\"\(paths.action("jobs/retry-matching"))\">Retry all \(shown) matching</button>"
            )
        }
        return """
            <form method="post" id="matching" class="bulk" action="\(paths.action("jobs/cancel-matching"))" data-count="\(shown)">\(request.layout.csrfField)
            <input type="hidden" name="back" value="\(Paths.with(paths.jobsRoot, filter.parameters()))">\(fields)\(buttons)</form>
            """
    }

    /// The filters, as a `GET` form: the URL holds them, so a view can be bookmarked and shared.
    private func filterForm(_ filter: JobFilter) -> HTML {
        func options(_ values: [String], selected: String?, any: String) -> HTML {
            let choices = values.map { value -> HTML in
                "<option value=\"\(value)\"\(value == selected ? " selected" : "" as HTML)>\(value)</option>"
            }
            return "<option value=\"\">\(any)</option>\(choices)"
        }
        let tasks = operations.catalog.entries.map(\.definition.name).sorted()
        return """
            <form method="get" action="\(paths.jobsRoot)" class="filters" role="search">
            <label>State <select name="state">\(options(JobState.allCases.map(\.rawValue), selected: filter.state?.rawValue, any: "any state"))</select></label>
            <label>Task <select name="task">\(options(tasks, selected: filter.task, any: "any task"))</select></label>
            <label>Queue <select name="queue">\(options(operations.catalog.queues.sorted(), selected: filter.queue, any: "any queue"))</select></label>
            <label>Id starts with <input name="id" value="\(filter.id ?? "")" size="12" autocomplete="off" spellcheck="false"></label>
            <label>Input <input name="input" value="\(filter.input?.description ?? "")" size="18" autocomplete="off" spellcheck="false"
            placeholder="\(searchExample)" aria-describedby="input-help"></label>
            <label>Created from (UTC) <input type="datetime-local" name="from" value="\(filter.from.map(JobFilter.minuteText) ?? "")"></label>
            <label>to (UTC) <input type="datetime-local" name="to" value="\(filter.to.map(JobFilter.minuteText) ?? "")"></label>
            <button type="submit">Filter</button>
            <a href="\(paths.jobsRoot)">Clear</a>
            <p id="input-help" class="muted">Input fields you can search (<code>search:</code> in tasks.yaml):
            \(searchable.text.isEmpty ? "none" : searchable). Write <code>field=value</code>, <code>field=1..10</code> or <code>field?</code>.</p>
            </form>
            """
    }

    /// Each task's searchable input fields, as the filter form's help lists them.
    private var searchable: HTML {
        let declaring = operations.catalog.entries.map(\.definition).filter { !$0.searchFields.isEmpty }.sorted {
            $0.name < $1.name
        }
        return declaring.map { task -> HTML in
            "\(task.searchFields.map { "<code>\($0)</code>" as HTML }.joined(separator: ", ")) (\(task.name))"
        }.joined(separator: "; ")
    }

    private var searchExample: String {
        let field = operations.catalog.entries.lazy.compactMap(\.definition.searchFields.first).first
        return field.map { "\($0)=…" } ?? "field=value"
    }

    /// `400 invalid_parameter` when the filter names an input field that no task (or not its task)
    /// lists under `search:`.
    func checkSearchable(_ filter: JobFilter) throws {
        guard let input = filter.input else { return }
        let tasks = operations.catalog.entries.map(\.definition).filter { filter.task == nil || $0.name == filter.task }
        guard tasks.contains(where: { $0.searchFields.contains(input.field) }) else {
            let names = Set(tasks.flatMap(\.searchFields)).sorted()
            let searchable =
                names.isEmpty
                ? "none is declared (search: in tasks.yaml)" : "searchable: \(names.joined(separator: ", "))"
            throw Problem.invalidParameter(
                "input",
                "'\(input.field)' is not a searchable input field\(filter.task.map { " of \($0)" } ?? ""); \(searchable)"
            )
        }
    }
}
