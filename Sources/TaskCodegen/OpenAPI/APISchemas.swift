import TaskAPIModel
import TaskSchema

/// The component schemas that do not depend on the registry.
enum APISchemas {
    static let all: [String: JSONValue] = JobSchemas.all
        .merging(TaskInfoSchemas.all) { first, _ in first }
        .merging(ProblemSchemas.all) { first, _ in first }
        .merging(QueuePaths.schemas) { first, _ in first }
        .merging(DedupPaths.schemas) { first, _ in first }
        .merging(BatchPaths.schemas) { first, _ in first }
        .merging(LimitPaths.schemas) { first, _ in first }
        .merging(ArtifactPaths.schemas) { first, _ in first }
        .merging(DatasetPaths.schemas) { first, _ in first }
        .merging(health) { first, _ in first }

    /// Their names, which the registry's schemas may not take (``SchemaNames``).
    static var names: Set<String> { Set(all.keys).union(BatchPaths.registryNames) }

    private static let health: [String: JSONValue] = [
        "Health": JSONSchema.closedObject(["status": ["const": "ok"]]).described("The process answers."),
        "Readiness": JSONSchema.closedObject(["status": ["const": "ready"]]).described("The job store answers too."),
    ]
}
