import ArgumentParser
import Foundation

/// `taskforge queues`: each queue's waiting, scheduled and running jobs, how long its oldest ready
/// job has waited, and its live workers with their slots for it.
public struct QueuesCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "queues", abstract: "Show each queue's ready, scheduled and running jobs, its oldest ready job's wait and its workers.")

    @OptionGroup var connection: ConnectionOptions
    @Flag(help: "Print the queues as JSON.") var json = false

    public init() {}

    public func run() async throws {
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
            let oldest = (queue["oldest_pending_age_seconds"]?.doubleValue).map(Self.age) ?? "-"
            let unserved = (queue["workers"]?.doubleValue ?? 0) == 0 ? "  (no worker)" : ""
            print(([name] + counts + [oldest.padding(6, leading: true)]).joined(separator: "  ") + unserved)
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
