/// The services a process hands its handlers: configuration and clients (an API key, a base URL, an
/// HTTP client) built once at start from the environment and flags, read by handlers through
/// ``JobContext/services``.
///
/// Values are keyed by their type: a process provides at most one value of each type, and a handler
/// asks for the type it needs. The container is a value, never changed after the process set it up,
/// so handlers share no mutable state through it.
///
/// ```swift
/// var services = TaskServices()
/// services.provide(SearchService(...))
/// // in a handler:
/// let search = try job.services.require(SearchService.self)
/// ```
public struct TaskServices: Sendable {
    private var values: [ObjectIdentifier: any Sendable] = [:]

    public init() {}

    /// Makes `service` the value of its type, replacing an earlier one.
    public mutating func provide<Service: Sendable>(_ service: Service) {
        values[ObjectIdentifier(Service.self)] = service
    }

    /// The value provided for `type`; `nil` when the process provided none.
    public func get<Service: Sendable>(_ type: Service.Type) -> Service? {
        values[ObjectIdentifier(type)] as? Service
    }

    /// The value provided for `type`; when there is none the job fails permanently with
    /// `provider_not_configured` (this process was started without the configuration it needs).
    public func require<Service: Sendable>(_ type: Service.Type) throws(TaskError) -> Service {
        guard let service = get(type) else {
            throw TaskError.permanent(
                .providerNotConfigured,
                "this worker was started without the configuration of \(type); see the task's documentation")
        }
        return service
    }
}
