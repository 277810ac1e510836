import ArgumentParser

/// `taskforge queues`: each queue's waiting, scheduled and running jobs and its live workers.
public struct QueuesCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "queues", abstract: "Show each queue's ready, scheduled and running jobs and its workers.")

    @OptionGroup var connection: ConnectionOptions
    @Flag(help: "Print the queues as JSON.") var json = false

    public init() {}

    public func run() async throws {
        let reply = try await connection.client.queues()
        guard !json else {
            print(reply.prettyString)
            return
        }
        let columns = ["pending", "scheduled", "running", "workers"]
        let queues = reply["queues"]?.arrayValue ?? []
        let width = max(5, queues.map { $0["name"]?.stringValue?.count ?? 0 }.max() ?? 0)
        print((["queue".padding(width)] + columns).joined(separator: "  "))
        for queue in queues {
            let name = (queue["name"]?.stringValue ?? "").padding(width)
            let counts = columns.map { column in
                String(Int(queue[column]?.doubleValue ?? 0)).padding(column.count, leading: true)
            }
            let unserved = (queue["workers"]?.doubleValue ?? 0) == 0 ? "  (no worker)" : ""
            print(([name] + counts).joined(separator: "  ") + unserved)
        }
    }
}

extension String {
    /// This text padded with spaces to `width` characters, on the right or, when `leading`, the left.
    fileprivate func padding(_ width: Int, leading: Bool = false) -> String {
        let pad = String(repeating: " ", count: max(0, width - count))
        return leading ? pad + self : self + pad
    }
}
