import Hummingbird
import Logging

extension MetricsExporter {
    /// A server answering only `GET /metrics`, for a process without the API (`taskforge worker
    /// --metrics-port`); it runs as a service beside the worker. `onServerRunning` receives the bound port.
    public func server(
        host: String, port: Int, logger: Logger, onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let router = Router()
        router.get("/metrics") { _, _ in response() }
        return Application(
            router: router, configuration: .init(address: .hostname(host, port: port), serverName: "taskforge-worker"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? port) }, logger: logger)
    }
}
