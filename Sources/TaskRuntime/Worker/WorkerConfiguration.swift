import Foundation

/// How a ``Worker`` claims and runs jobs.
public struct WorkerConfiguration: Sendable {
    /// The queues served, each with its number of concurrent slots.
    public var queues: [String: Int]
    /// Identifies this worker in leases and logs.
    public var workerID: String
    /// How long a claim holds without a heartbeat.
    public var leaseDuration: Duration
    /// How often leases are renewed and cancel requests picked up.
    public var heartbeatInterval: Duration
    /// How long an idle queue waits for a wake-up before asking the store again.
    public var pollInterval: Duration
    /// How far ahead a queue claims: as many jobs beyond its free slots as they would start within
    /// this time at the pace of its recent handlers (none for long jobs; at most a claim of 500).
    /// A slot that frees then starts its next job without a round trip to the store. `.zero` claims
    /// only for free slots.
    public var prefetchHorizon: Duration
    /// The shortest interval between two progress writes of one job.
    public var progressInterval: Duration
    /// How long running jobs may go on after a graceful shutdown starts before they are given back.
    public var shutdownGracePeriod: Duration
    /// A cap on every task's `timeout` (`TASK_MAX_RUNTIME_SECONDS`).
    public var maxRuntime: Duration?
    /// A job whose attempts killed this many handler processes is quarantined.
    public var quarantineAfterCrashes: Int
    /// How long succeeded, failed and cancelled jobs are kept; `nil` keeps them for ever.
    public var retention: Duration?
    /// How often finished jobs past their retention are pruned.
    public var pruneInterval: Duration

    public init(
        queues: [String: Int],
        workerID: String = WorkerConfiguration.defaultWorkerID(),
        leaseDuration: Duration = .seconds(30),
        heartbeatInterval: Duration = .milliseconds(500),
        pollInterval: Duration = .seconds(1),
        prefetchHorizon: Duration = .milliseconds(100),
        progressInterval: Duration = .milliseconds(250),
        shutdownGracePeriod: Duration = .seconds(30),
        maxRuntime: Duration? = nil,
        quarantineAfterCrashes: Int = 3,
        retention: Duration? = .seconds(7 * 24 * 3600),
        pruneInterval: Duration = .seconds(60)
    ) {
        self.queues = queues
        self.workerID = workerID
        self.leaseDuration = leaseDuration
        self.heartbeatInterval = heartbeatInterval
        self.pollInterval = pollInterval
        self.prefetchHorizon = prefetchHorizon
        self.progressInterval = progressInterval
        self.shutdownGracePeriod = shutdownGracePeriod
        self.maxRuntime = maxRuntime
        self.quarantineAfterCrashes = quarantineAfterCrashes
        self.retention = retention
        self.pruneInterval = pruneInterval
    }

    /// `host:pid:random`, unique per process.
    public static func defaultWorkerID() -> String {
        let host = ProcessInfo.processInfo.hostName
        let pid = ProcessInfo.processInfo.processIdentifier
        return "\(host):\(pid):\(UUID().uuidString.prefix(8).lowercased())"
    }
}
