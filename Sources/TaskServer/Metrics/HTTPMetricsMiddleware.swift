import CoreMetrics
import Hummingbird
import Metrics

/// Counts requests as `taskforge_http_requests_total{route, method, status}` and times them as
/// `taskforge_http_request_duration_seconds{route, method}` (until the response's head), by the
/// route's pattern (`/v1/jobs/{id}`), so that job ids do not become series of their own.
struct HTTPMetricsMiddleware: RouterMiddleware {
    typealias Context = TaskRequestContext

    let factory: any MetricsFactory

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let started = ContinuousClock.now
        let response = try await next(request, context)
        let route = context.endpointPath ?? "unmatched"
        let method = request.method.rawValue
        Counter(
            label: "taskforge_http_requests_total",
            dimensions: [("route", route), ("method", method), ("status", String(response.status.code))],
            factory: factory
        ).increment()
        CoreMetrics.Timer(
            label: "taskforge_http_request_duration_seconds", dimensions: [("route", route), ("method", method)],
            factory: factory
        ).record(duration: ContinuousClock.now - started)
        return response
    }
}
