import Foundation
import TaskRuntime
import TaskServer

extension PageRenderer {
    /// The registry: each task's version, summary and settings, its input and output as tables, and
    /// how to submit it with `curl` and with the command line.
    func tasks(_ request: RenderRequest) throws -> Page {
        _ = try request.api.principal(holding: .read)
        let host = request.context.host
        let sections = operations.catalog.entries.map(\.definition).sorted { $0.name < $1.name }.map { task -> HTML in
            let example = ExampleInput.of(task.input)
            let curl = """
                curl -X POST http://\(host)/v1/tasks/\(task.name) \\
                  -H 'Content-Type: application/json' -d '\(example.canonicalString())'
                """
            let command = (["taskforge submit \(task.name)"] + ExampleInput.options(task.input)).joined(separator: " ")
            return """
                <section class="task" id="task-\(task.name)" aria-labelledby="task-\(task.name)-title">
                <h2 id="task-\(task.name)-title">\(task.name) <span class="muted">v\(task.version)</span></h2>
                <p>\(task.summary)</p>
                <dl class="fields">
                <div><dt>Queue</dt><dd>\(task.queue)</dd></div>
                <div><dt>Timeout</dt><dd>\(Format.duration(task.timeout.seconds))</dd></div>
                <div><dt>Attempts</dt><dd>\(task.retry.maxAttempts), \(task.retry.backoff.rawValue) backoff</dd></div>
                <div><dt>Accepts versions</dt><dd>\(task.acceptedVersions.map(String.init).joined(separator: ", "))</dd></div>
                \(task.stages.isEmpty ? "" : "<div><dt>Stages</dt><dd>\(task.stages.map(\.name).joined(separator: " → "))</dd></div>" as HTML)
                \(task.dedup.map { "<div><dt>Dedup key</dt><dd>\($0.keyFields.joined(separator: ", "))</dd></div>" as HTML })
                </dl>
                <h3>Input</h3>\(SchemaTable(schema: task.input).html)
                <h3>Output</h3>\(SchemaTable(schema: task.output).html)
                <h3>Submit</h3>
                <pre><code>\(curl)</code></pre>
                <pre><code>\(command)</code></pre>
                </section>
                """
        }
        return Page(title: "Tasks", section: .tasks, live: sections.joined, isLive: false)
    }
}
