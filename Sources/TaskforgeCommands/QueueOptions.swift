import ArgumentParser

/// Which queues a worker serves and how many jobs of each it runs at once.
struct QueueOptions: ParsableArguments {
    @Option(help: "Queues and their concurrency, like io=8,geo=1 (default: every queue of tasks.yaml, each with --workers slots).")
    var queues: QueueConcurrency?

    @Option(help: "Concurrent jobs per queue, for the queues not given with --queues.")
    var workers: Int = 4

    func validate() throws {
        guard workers > 0 else { throw ValidationError("--workers must be at least 1") }
    }

    /// Queue name to concurrency.
    func resolve(catalogQueues: [String]) -> [String: Int] {
        queues?.values ?? Dictionary(uniqueKeysWithValues: catalogQueues.map { ($0, workers) })
    }
}

/// `io=8,geo=1`.
struct QueueConcurrency: ExpressibleByArgument {
    var values: [String: Int]

    init?(argument: String) {
        var values: [String: Int] = [:]
        for part in argument.split(separator: ",") {
            let pair = part.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, !pair[0].isEmpty, let slots = Int(pair[1]), slots > 0 else { return nil }
            values[String(pair[0])] = slots
        }
        guard !values.isEmpty else { return nil }
        self.values = values
    }
}
