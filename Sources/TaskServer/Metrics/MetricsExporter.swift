import CoreMetrics
import Hummingbird
import Prometheus

/// The process's metrics in the Prometheus text exposition format: a collector registry and the
/// swift-metrics factory that fills it. `taskforge serve` and `taskforge worker --metrics-port`
/// bootstrap it as the process's `MetricsSystem`; tests give each server one of its own.
public struct MetricsExporter: Sendable {
    public let registry: PrometheusCollectorRegistry
    /// The factory that records into ``registry``; job timers get buckets suited to them.
    public let factory: PrometheusMetricsFactory

    public init() {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        let long: [Duration] = [
            .milliseconds(10), .milliseconds(50), .milliseconds(100), .milliseconds(500), .seconds(1), .seconds(5),
            .seconds(10), .seconds(30), .seconds(60), .seconds(300), .seconds(900), .seconds(3600),
        ]
        factory.durationHistogramBuckets = [
            "taskforge_attempt_duration_seconds": long, "taskforge_pickup_latency_seconds": long,
        ]
        self.registry = registry
        self.factory = factory
    }

    /// Makes ``factory`` the process's `MetricsSystem`; call once per process.
    public func bootstrap() {
        MetricsSystem.bootstrap(factory)
    }

    /// `GET /metrics`: the current values, `text/plain; version=0.0.4`.
    func response() -> Response {
        var buffer = ByteBuffer()
        buffer.writeBytes(registry.emitToBuffer())
        return Response(
            status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
            body: .init(byteBuffer: buffer))
    }
}
