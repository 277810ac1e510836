import Foundation
import TaskRuntime
import TaskServer

extension PageRenderer {
    /// One job: its state and progress, the actions its state allows, its error, stages, input and
    /// output, the timeline of its event log, its artifacts (PNGs shown), files and the datasets it read.
    func job(id: String, _ request: RenderRequest) async throws -> Page {
        let job = try await operations.job(id: id, context: request.api)
        async let events = operations.store.events(forJob: job.id)
        async let actions = operations.store.actions(forJob: job.id)
        async let queueActions = operations.store.queueActions(
            job.queue, from: job.createdAt, through: job.finishedAt ?? request.now)
        async let artifacts = operations.artifacts(of: job)
        async let files = operations.files(of: job)
        async let datasets = operations.datasets(of: job)
        let now = request.now
        let sections: [HTML] = [
            summary(job, request),
            job.error.map(errorSection) ?? "",
            stagesSection(job, now: now),
            "<section><h2>Input</h2>\(Format.json(job.input))</section>",
            job.output.map { "<section><h2>Output</h2>\(Format.json($0))</section>" as HTML } ?? "",
            timeline(try await events, actions: try await actions, queueActions: try await queueActions, now: now),
            artifactsSection(try await artifacts, now: now),
            filesSection(try await files),
            datasetsSection(try await datasets),
        ]
        return Page(
            title: "Job \(job.id.lowercasedString.prefix(8))", section: .jobs, live: sections.joined,
            isLive: !job.state.isTerminal)
    }

    private func summary(_ job: Job, _ request: RenderRequest) -> HTML {
        let id = job.id.lowercasedString
        var actions: [HTML] = []
        if !job.state.isTerminal && request.may(.cancel) && !job.cancelRequested {
            actions.append(
                request.actionForm(
                    paths.action("jobs/cancel"), "Cancel", fields: [("id", id), ("back", paths.job(job.id))]))
        }
        if job.state.isRetryable && request.may(.submit) {
            actions.append(
                request.actionForm(
                    paths.action("jobs/retry"), "Retry", fields: [("id", id), ("back", paths.job(job.id))]))
        }
        func row(_ name: String, _ value: HTML) -> HTML { "<div><dt>\(name)</dt><dd>\(value)</dd></div>" }
        let rows: [HTML] = [
            row("Id", "<code>\(id)</code>"),
            row("Task", "<a href=\"\(paths.task(job.task))\">\(job.task)</a> v\(job.version)"),
            row("Queue", "<a href=\"\(Paths.with(paths.jobsRoot, [("queue", job.queue)]))\">\(job.queue)</a>"),
            row(
                "State",
                "\(stateBadge(job.state))\(job.cancelRequested && !job.state.isTerminal ? " cancel requested" : "" as HTML)"
            ),
            row(
                "Progress",
                "<progress max=\"100\" value=\"\(Format.percent(job.progress))\">\(Format.percent(job.progress)) %</progress> \(Format.percent(job.progress)) %\(job.stage.map { " · \($0)" as HTML })"
            ),
            row(
                "Attempt",
                "\(job.attempt) of \(job.maxAttempts)\(job.crashes > 0 ? " · \(job.crashes) crashes" as HTML : "")"),
            row("Priority", "\(job.priority)"),
            row("Created", Format.time(job.createdAt, now: request.now)),
            row("Runs at", Format.time(job.runAt, now: request.now)),
            row("Started", job.startedAt.map { Format.time($0, now: request.now) } ?? "—"),
            row("Finished", job.finishedAt.map { Format.time($0, now: request.now) } ?? "—"),
            row("Worker", job.leaseOwner.map { "<code>\($0)</code>" as HTML } ?? "—"),
            row("Owner", "\(job.owner ?? "local")"),
        ]
        return """
            <section class="job-summary"><dl class="fields">\(rows)</dl>
            <div class="actions">\(actions)</div></section>
            """
    }

    private func errorSection(_ error: JobError) -> HTML {
        """
        <section class="job-error"><h2>Error</h2>
        <p><code>\(error.code.rawValue)</code> \(error.message)</p>
        <p class="muted">\(error.retryable ? "retryable" : "not retryable")</p>
        \(error.details.map { Format.json($0) })</section>
        """
    }

    private func stagesSection(_ job: Job, now: Date) -> HTML {
        guard let definition = operations.catalog.entry(named: job.task)?.definition, !definition.stages.isEmpty else {
            return ""
        }
        let rows = definition.stages.enumerated().map { index, stage -> HTML in
            let result = job.stageResults.first { $0.name == stage.name }
            let state: HTML =
                result != nil
                ? "<span class=\"badge state-succeeded\">done</span>"
                : index == job.stageIndex && job.state == .running
                    ? "<span class=\"badge state-running\">running</span>"
                    : "<span class=\"muted\">waiting</span>"
            return """
                <tr><th scope="row">\(stage.name)</th><td>\(stage.queue)</td><td>\(state)</td>
                <td>\(result.map { Format.duration($0.finishedAt.timeIntervalSince($0.startedAt)) } ?? "—")</td>
                <td class="num">\(result.map { String($0.attempts) } ?? "—")</td></tr>
                """
        }
        return """
            <section><h2>Stages</h2><div class="scroll"><table>
            <thead><tr><th scope="col">Stage</th><th scope="col">Queue</th><th scope="col">State</th><th scope="col">Took</th><th scope="col" class="num">Attempts</th></tr></thead>
            <tbody>\(rows)</tbody></table></div></section>
            """
    }

    /// Every entry of the event log (each state change and new attempt, with the worker that held the
    /// job and the time since the entry before), every operator's action on the job, and every pause
    /// and resume of its queue while the job was not finished, by time.
    private func timeline(_ events: [JobEvent], actions: [JobAction], queueActions: [QueueAction], now: Date) -> HTML {
        var entries: [(at: Date, html: HTML)] = []
        for (index, event) in events.enumerated() {
            var details: [HTML] = ["attempt \(event.attempt)"]
            if let stage = event.stage { details.append("stage \(stage)") }
            if let worker = event.worker { details.append("worker <code>\(worker)</code>") }
            if index > 0 {
                details.append(
                    "\(Format.duration(event.at.timeIntervalSince(events[index - 1].at))) after the entry before")
            }
            if let error = event.error { details.append("<code>\(error.code.rawValue)</code> \(error.message)") }
            entries.append(
                (
                    event.at,
                    "<li><span class=\"when\">\(Format.time(event.at, now: now))</span> \(stateBadge(event.state)) \(details.joined(separator: " · "))</li>"
                ))
        }
        for action in actions {
            entries.append(
                (action.at, actionEntry(at: action.at, "\(action.kind.rawValue)", actor: action.actor, now: now)))
        }
        for action in queueActions {
            let what: HTML = "queue \(action.queue) \(action.kind == .pause ? "paused" : "resumed")"
            entries.append((action.at, actionEntry(at: action.at, what, actor: action.actor, now: now)))
        }
        let rows = entries.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map(
            \.element.html)
        return "<section><h2>Timeline</h2><ol class=\"timeline\">\(rows)</ol></section>"
    }

    private func actionEntry(at: Date, _ what: HTML, actor: String?, now: Date) -> HTML {
        """
        <li class="action"><span class="when">\(Format.time(at, now: now))</span> \
        <span class="badge">\(what)</span> by \(actor ?? "the local operator (no tokens)")</li>
        """
    }

    private func artifactsSection(_ artifacts: [Artifact], now: Date) -> HTML {
        guard !artifacts.isEmpty else { return "" }
        let rows = artifacts.map { artifact -> HTML in
            let link = paths.artifact(artifact.id)
            let preview: HTML =
                artifact.contentType == "image/png"
                ? "<figure><img src=\"\(Paths.with(link, [("inline", "1")]))\" alt=\"\(artifact.name)\" loading=\"lazy\"><figcaption>\(artifact.name)</figcaption></figure>"
                : ""
            return """
                <tr><th scope="row"><a href="\(link)" download>\(artifact.name)</a>\(preview)</th><td>\(artifact.contentType)</td>
                <td class="num">\(Format.bytes(artifact.size))</td><td><code class="digest">\(artifact.sha256)</code></td>
                <td>\(artifact.producer?.stage ?? "")</td><td>\(Format.time(artifact.createdAt, now: now))</td></tr>
                """
        }
        return """
            <section><h2>Artifacts</h2><div class="scroll"><table>
            <thead><tr><th scope="col">Name</th><th scope="col">Type</th><th scope="col" class="num">Size</th><th scope="col">SHA-256</th><th scope="col">Stage</th><th scope="col">Stored</th></tr></thead>
            <tbody>\(rows)</tbody></table></div></section>
            """
    }

    private func filesSection(_ files: [JobFile]?) -> HTML {
        guard let files, !files.isEmpty else { return "" }
        let rows = files.map { file -> HTML in
            """
            <tr><th scope="row">\(file.name)</th><td>\(file.required ? "required" : "optional")</td>
            <td>\(file.isComplete ? "uploaded" : "missing")</td><td class="num">\(file.size.map { Format.bytes($0) } ?? "—")</td>
            <td><code class="digest">\(file.sha256 ?? "")</code></td></tr>
            """
        }
        return """
            <section><h2>Input files</h2><div class="scroll"><table>
            <thead><tr><th scope="col">File</th><th scope="col">Declared</th><th scope="col">State</th><th scope="col" class="num">Size</th><th scope="col">SHA-256</th></tr></thead>
            <tbody>\(rows)</tbody></table></div></section>
            """
    }

    private func datasetsSection(_ datasets: [JobDataset]?) -> HTML {
        guard let datasets, !datasets.isEmpty else { return "" }
        let rows = datasets.map { dataset -> HTML in
            """
            <tr><th scope="row"><code>\(dataset.id.lowercasedString)</code></th><td>\(dataset.name)</td>
            <td class="num">\(Format.bytes(dataset.size))</td><td><code class="digest">\(dataset.sha256)</code></td></tr>
            """
        }
        return """
            <section><h2>Datasets read</h2><div class="scroll"><table>
            <thead><tr><th scope="col">Dataset</th><th scope="col">Name</th><th scope="col" class="num">Size</th><th scope="col">SHA-256</th></tr></thead>
            <tbody>\(rows)</tbody></table></div></section>
            """
    }
}
