import ArgumentParser

/// `taskforge jobs get|list|cancel|retry`.
public struct JobsCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "jobs", abstract: "Look at, cancel and retry jobs.",
        subcommands: [Get.self, List.self, Cancel.self, Retry.self])

    public init() {}

    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one job as JSON.")
        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The job id.") var id: String

        func run() async throws {
            print(try await connection.client.job(id: id).prettyString)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List jobs, newest first.")
        @OptionGroup var connection: ConnectionOptions
        @Option(help: "Only jobs of this task.") var task: String?
        @Option(help: "Only jobs in this state (pending, running, succeeded, failed, cancelled, quarantined).")
        var state: String?
        @Option(help: "At most this many jobs (1...1000).") var limit: Int?
        @Flag(help: "Print the page as JSON.") var json = false

        func run() async throws {
            let page = try await connection.client.jobs(task: task, state: state, limit: limit)
            guard !json else {
                print(page.prettyString)
                return
            }
            for job in (page["jobs"]?.arrayValue ?? []).map(RemoteJob.init) {
                let progress = Int(job.progress.rounded())
                print("\(job.idString)  \(job.summary)  \(progress)%  \(job.json["created_at"]?.stringValue ?? "")")
            }
        }
    }

    struct Cancel: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Cancel a job, even while it runs.")
        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The job id.") var id: String

        func run() async throws {
            let job = try await connection.client.cancel(id: id)
            print(
                job.state == "cancelled"
                    ? "cancelled job \(job.idString)" : "cancellation requested for job \(job.idString)")
        }
    }

    struct Retry: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a failed, cancelled or quarantined job again, with a fresh attempt budget.")
        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The job id.") var id: String

        func run() async throws {
            let job = try await connection.client.retry(id: id)
            print("job \(job.idString) is \(job.state) again")
        }
    }
}
