/// The tasks a process can accept and run, by name.
public struct TaskCatalog: Sendable {
    public let entries: [TaskEntry]
    private let byName: [String: TaskEntry]
    /// What the process provides its handlers (``JobContext/services``); set by ``configured(_:)``.
    public private(set) var services = TaskServices()
    /// The limits each task enforces that its process set up (``TaskSetup/showLimit(_:of:_:)``), by task
    /// name; set by ``configured(_:)``.
    public private(set) var taskLimits: [String: [String: JSONValue]] = [:]

    public init(_ entries: [TaskEntry]) {
        self.entries = entries.sorted { $0.definition.name < $1.definition.name }
        self.byName = Dictionary(entries.map { ($0.definition.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func entry(named name: String) -> TaskEntry? {
        byName[name]
    }

    /// This catalog set up for a process by `setup`: its services for the handlers, its submission
    /// checks and dedup key values, and its reuse windows and rates in place of those of `tasks.yaml`.
    public func configured(_ setup: TaskSetup) -> TaskCatalog {
        var catalog = TaskCatalog(
            entries.map { entry in
                var entry = entry
                let name = entry.definition.name
                entry.admission = setup.admissions[name] ?? entry.admission
                entry.dedupKeyValues = setup.dedupKeyValues[name] ?? entry.dedupKeyValues
                if let window = setup.reuseWindows[name] { entry.definition.dedup?.reuseResultFor = window }
                if let rate = setup.rates[name] { entry.definition.rateLimit?.perSecond = rate }
                return entry
            })
        catalog.services = setup.services
        catalog.taskLimits = setup.limits
        return catalog
    }

    /// Every task's `search:` fields (empty for a task without), for ``JobStore/declareSearchFields(_:)``.
    public var searchFields: [String: [String]] {
        Dictionary(
            entries.map { ($0.definition.name, $0.definition.searchFields) }, uniquingKeysWith: { first, _ in first })
    }

    /// The queues that at least one task or stage uses, sorted.
    public var queues: [String] {
        Array(Set(entries.flatMap(\.definition.queues))).sorted()
    }
}
