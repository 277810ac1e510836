import Foundation

/// A live worker process as the store knows it (the dashboard's workers page): where it runs, what
/// it serves, when it last renewed its registration, and the jobs it holds now.
public struct WorkerRecord: Sendable, Hashable {
    public var id: String
    public var host: String
    public var pid: Int
    /// Slots per queue, as it registered them.
    public var queues: [String: Int]
    public var startedAt: Date
    /// Its last registration (renewed every half lease); a worker whose renewals stopped is stale
    /// until ``expiresAt``, then drops out.
    public var lastSeen: Date
    public var expiresAt: Date
    /// The running jobs whose lease it holds, by id.
    public var running: [UUID]

    public init(
        id: String, host: String, pid: Int, queues: [String: Int], startedAt: Date, lastSeen: Date, expiresAt: Date,
        running: [UUID] = []
    ) {
        self.id = id
        self.host = host
        self.pid = pid
        self.queues = queues
        self.startedAt = startedAt
        self.lastSeen = lastSeen
        self.expiresAt = expiresAt
        self.running = running
    }

    /// The host and process id a store records for the worker registering from this process.
    public static let thisProcess = (
        host: ProcessInfo.processInfo.hostName, pid: Int(ProcessInfo.processInfo.processIdentifier)
    )

    /// `records` with the running jobs of `leases` (pairs of lease owner and job id) attached, by id.
    public static func attaching(_ leases: [(owner: String, job: UUID)], to records: [WorkerRecord]) -> [WorkerRecord] {
        let byOwner = Dictionary(grouping: leases, by: \.owner)
        return records.map { record in
            var record = record
            record.running = byOwner[record.id]?.map(\.job) ?? []
            return record
        }.sorted { $0.id < $1.id }
    }

    /// A worker's queue map in the JSON text stores keep it in (``QueueStatus/workerQueuesText(_:)``).
    public static func queues(fromText text: String) -> [String: Int] {
        ((try? JSONValue(json: Data(text.utf8)))?.objectValue ?? [:]).compactMapValues {
            $0.doubleValue.map { Int($0) }
        }
    }
}
