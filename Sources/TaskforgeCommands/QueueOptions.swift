import ArgumentParser

/// Which queues a worker serves and how many jobs of each it runs at once.
struct QueueOptions: ParsableArguments {
    @Option(
        help:
            "Queues and their concurrency, like io=8,geo=1 (default: every queue of tasks.yaml, each with --workers slots)."
    )
    var queues: QueueConcurrency?

    @Option(help: "Concurrent jobs per queue, for the queues not given with --queues (serve: 0 runs no worker).")
    var workers: Int = 4

    func validate() throws {
        guard workers >= 0 else { throw ValidationError("--workers must not be negative") }
        if workers == 0, queues != nil {
            throw ValidationError("--workers 0 runs no worker, so it takes no --queues; give one or the other")
        }
    }

    /// `--workers 0`: this process runs no job (an API-only `serve`).
    var runsNoJobs: Bool { workers == 0 && queues == nil }

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
