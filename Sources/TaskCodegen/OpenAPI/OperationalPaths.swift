import TaskAPIModel
import TaskSchema

/// `GET /healthz`, `GET /readyz`, `GET /metrics` and `GET /openapi.json`.
enum OperationalPaths {
    static var items: [String: JSONValue] {
        [
            "/healthz": ["get": health.json], "/readyz": ["get": readiness.json], "/metrics": ["get": metrics.json],
            "/openapi.json": ["get": document.json],
        ]
    }

    private static let health = Operation(
        id: "get_health", tag: .operations, summary: "Liveness: the process answers.",
        responses: ["200": Operation.jsonResponse("The process is alive.", JSONSchema.ref("Health"))], isPublic: true)

    private static let readiness = Operation(
        id: "get_readiness", tag: .operations, summary: "Readiness: the job store answers too.",
        responses: ["200": Operation.jsonResponse("The server can take requests.", JSONSchema.ref("Readiness"))],
        problems: [.storeUnavailable], isPublic: true)

    private static let metrics = Operation(
        id: "get_metrics", tag: .operations, summary: "Metrics in the Prometheus text exposition format.",
        description: "Jobs submitted and finished, attempt durations, pickup latency, queue depth, HTTP requests; "
            + "see docs/metrics.md.",
        responses: [
            "200": [
                "description": "The current values of every metric.",
                "content": ["text/plain": ["schema": ["type": "string"]]],
            ]
        ],
        isPublic: true)

    private static let document = Operation(
        id: "get_openapi_document", tag: .operations, summary: "This OpenAPI document.",
        responses: ["200": Operation.jsonResponse("The OpenAPI 3.1 document of the API.", ["type": "object"])],
        isPublic: true)
}
