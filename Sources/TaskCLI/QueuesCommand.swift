import ArgumentParser
import Foundation

/// `taskforge queues [list]`: each queue's waiting, scheduled and running jobs, how long its oldest
/// ready job has waited, its live workers with their slots for it, and whether it is paused;
/// `taskforge queues pause|resume NAME` (an `admin` token).
public struct QueuesCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "queues", abstract: "Show the queues, or pause and resume one.",
        subcommands: [List.self, Pause.self, Resume.self], defaultSubcommand: List.self)

    public init() {}

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Show each queue's ready, scheduled and running jobs, its oldest ready job's wait and its workers.")
        @OptionGroup var connection: ConnectionOptions
        @Flag(help: "Print the queues as JSON.") var json = false

        func run() async throws {
            let reply = try await connection.client.queues()
            guard !json else {
                print(reply.prettyString)
                return
            }
            let columns = ["pending", "scheduled", "running", "workers", "concurrency"]
            let queues = reply["queues"]?.arrayValue ?? []
            let width = max(5, queues.map { $0["name"]?.stringValue?.count ?? 0 }.max() ?? 0)
            print((["queue".padding(width)] + columns + ["oldest"]).joined(separator: "  "))
            for queue in queues {
                let name = (queue["name"]?.stringValue ?? "").padding(width)
                let counts = columns.map { column in
                    String(Int(queue[column]?.doubleValue ?? 0)).padding(column.count, leading: true)
                }
                let oldest = (queue["oldest_pending_age_seconds"]?.doubleValue).map(QueuesCommand.age) ?? "-"
                let unserved = (queue["workers"]?.doubleValue ?? 0) == 0 ? "  (no worker)" : ""
                let paused = queue["paused"] == true ? "  (paused)" : ""
                print(
                    ([name] + counts + [oldest.padding(6, leading: true)]).joined(separator: "  ") + unserved + paused)
            }
        }
    }

    struct Pause: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Pause a queue: no worker claims its jobs, which stay pending, until it is resumed.")
        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The queue's name.") var name: String

        func run() async throws {
            let queue = try await connection.client.pauseQueue(name)
            let pending = Int(queue["pending"]?.doubleValue ?? 0)
            print("paused queue '\(name)' (\(pending) ready job(s) wait until 'taskforge queues resume \(name)')")
        }
    }

    struct Resume: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Resume a paused queue: its workers claim its jobs again.")
        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The queue's name.") var name: String

        func run() async throws {
            _ = try await connection.client.resumeQueue(name)
            print("resumed queue '\(name)'")
        }
    }

    /// `850ms`, `12s`, `4m05s`, `3h12m`: a wait, for people.
    static func age(_ seconds: Double) -> String {
        if seconds < 1 { return "\(Int(seconds * 1000))ms" }
        let whole = Int(seconds)
        if whole < 60 { return "\(whole)s" }
        if whole < 3600 { return "\(whole / 60)m" + String(format: "%02ds", whole % 60) }
        return "\(whole / 3600)h" + String(format: "%02dm", whole / 60 % 60)
    }
}

extension String {
    /// This text padded with spaces to `width` characters, on the right or, when `leading`, the left.
    fileprivate func padding(_ width: Int, leading: Bool = false) -> String {
        let pad = String(repeating: " ", count: max(0, width - count))
        return leading ? pad + self : self + pad
    }
}
