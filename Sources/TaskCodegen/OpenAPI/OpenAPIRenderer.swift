import TaskSchema

/// Renders `Generated/openapi.json`: an OpenAPI 3.1 document (its schemas in JSON Schema 2020-12)
/// that describes every route of the Taskforge HTTP API, with the input and output schemas of each
/// task of a registry and the `application/problem+json` errors.
///
/// The document is deterministic: the same registry and lock always give the same bytes.
public enum OpenAPIRenderer {
    /// The OpenAPI version the document declares.
    public static let openAPIVersion = "3.1.0"

    /// The dialect of every Schema Object: JSON Schema 2020-12 with the OpenAPI vocabulary.
    public static let jsonSchemaDialect = "https://spec.openapis.org/oas/3.1/dialect/base"

    /// The document as a JSON value.
    ///
    /// - Parameters:
    ///   - registry: the tasks and shared types to describe.
    ///   - lock: the schema lock, which holds the input schemas of the older versions each task still
    ///     `accepts`; they become the components `<Type>V<n>Input`. A version the lock lacks (or a
    ///     `nil` lock) gets no component, though `?version=` still lists it.
    ///   - apiVersion: `info.version`.
    public static func document(for registry: Registry, lock: SchemaLock?, apiVersion: String = "1.0.0") -> JSONValue {
        let names = SchemaNames(registry: registry)
        let components = TaskComponents(registry: registry, lock: lock, names: names)
        let paths = TaskPaths(registry: registry, components: components).items
            .merging(JobPaths.items) { first, _ in first }
            .merging(QueuePaths.items) { first, _ in first }
            .merging(DedupPaths.items) { first, _ in first }
            .merging(BatchPaths.items) { first, _ in first }
            .merging(LimitPaths.items) { first, _ in first }
            .merging(ArtifactPaths.items) { first, _ in first }
            .merging(DatasetPaths.items) { first, _ in first }
            .merging(UploadPaths.items) { first, _ in first }
            .merging(OperationalPaths.items) { first, _ in first }
        let schemas = APISchemas.all
            .merging(components.schemas) { first, _ in first }
            .merging(["BatchItem": BatchPaths.item(registry: registry, components: components)]) { first, _ in first }
        return [
            "openapi": .string(openAPIVersion),
            "jsonSchemaDialect": .string(jsonSchemaDialect),
            "info": [
                "title": "Taskforge",
                "version": .string(apiVersion),
                "description": """
                Typed background tasks. Submit a job with `POST /v1/tasks/{task}`, follow it with \
                `GET /v1/jobs/{id}`. Every error is `application/problem+json` (RFC 9457) with a stable `code`.
                """,
            ],
            "servers": [["url": "/"]],
            "tags": .array(APITag.allCases.map(\.json)),
            "paths": DatasetPaths.withDatasetPatterns(.object(paths)),
            // Every operation but the public ones (`security: []`) needs an API token once the
            // server has any; with none, on loopback, the server runs open.
            "security": [["bearerAuth": []]],
            "components": [
                "schemas": DatasetPaths.withDatasetPatterns(.object(schemas)),
                "responses": .object(ProblemResponse.components),
                "parameters": .object(PathParameter.components),
                "securitySchemes": [
                    "bearerAuth": [
                        "type": "http", "scheme": "bearer",
                        "description": """
                        An API token from `taskforge token create`, as `Authorization: Bearer tf_<id>_<secret>`. \
                        A server with no tokens, listening on loopback only, runs without authentication.
                        """,
                    ]
                ],
            ],
        ]
    }

    /// ``document(for:lock:apiVersion:)`` as text: two-space indentation, object keys sorted, a
    /// trailing newline.
    public static func render(for registry: Registry, lock: SchemaLock?, apiVersion: String = "1.0.0") -> String {
        document(for: registry, lock: lock, apiVersion: apiVersion).indentedJSON() + "\n"
    }
}
