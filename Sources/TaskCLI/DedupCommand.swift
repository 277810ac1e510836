import ArgumentParser

/// `taskforge dedup <task> field=value ...`: has a submission with these dedup key fields been
/// processed, when and by which job, and the latest job with the key (`GET /v1/dedup/{task}`).
public struct DedupCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "dedup",
        abstract: "Show whether a task's dedup key was processed, and its latest job.",
        discussion: """
            Give the task's dedup key fields as name=value (arrays and objects as JSON), for example
            `taskforge dedup search query=weather`. Fields left out take their defaults.
            """)

    @OptionGroup var connection: ConnectionOptions
    @Argument(help: "The task, which must declare dedup.") var task: String
    @Argument(help: "Key fields as name=value.") var fields: [String] = []
    @Option(name: .customLong("task-version"), help: "Look up an older accepted version's keys.") var taskVersion: Int?
    @Flag(help: "Print the answer as JSON.") var json = false

    public init() {}

    public func validate() throws {
        for field in fields where !field.contains("=") {
            throw ValidationError("'\(field)' is not name=value")
        }
    }

    public func run() async throws {
        var query = fields.map { field -> (name: String, value: String) in
            let parts = field.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (String(parts[0]), String(parts[1]))
        }
        if let taskVersion { query.append(("version", String(taskVersion))) }
        let reply = try await connection.client.dedup(task: task, fields: query)
        guard !json else {
            print(reply.prettyString)
            return
        }
        if let job = reply["succeeded_job"], job != .null {
            let until = reply["reusable_until"]?.stringValue.map { "; reused for new submissions until \($0)" } ?? ""
            print("processed at \(reply["processed_at"]?.stringValue ?? "?") by job \(RemoteJob(job).idString)\(until)")
        } else {
            print("not processed")
        }
        if let latest = reply["latest_job"], latest != .null {
            let job = RemoteJob(latest)
            print("latest job: \(job.idString) (\(job.summary))")
        }
    }
}
