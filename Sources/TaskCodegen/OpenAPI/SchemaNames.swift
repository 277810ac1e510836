import TaskAPIModel
import TaskSchema

/// The names of the registry's schemas under `#/components/schemas`.
///
/// Each task has `<Type>Input` and `<Type>Output` (`aod_estimation` -> `AodEstimationInput`), and
/// `<Type>V<n>Input` for every older version `n` it accepts; each shared type keeps its name
/// (`BBox`). A name already taken (by the API's own schemas, such as `Job`, or by a name claimed
/// earlier in that order, tasks by name first) gets the first free numeric suffix: `Job2`.
struct SchemaNames {
    /// A schema of the registry that becomes a component.
    enum Key: Hashable {
        case input(TaskDefinition)
        case output(TaskDefinition)
        case olderInput(TaskDefinition, version: Int)
        case sharedType(String)

        var preferredName: String {
            switch self {
            case .input(let task): task.typeName + "Input"
            case .output(let task): task.typeName + "Output"
            case .olderInput(let task, let version): "\(task.typeName)V\(version)Input"
            case .sharedType(let name): name
            }
        }
    }

    private var assigned: [Key: String] = [:]

    init(registry: Registry) {
        var taken = APISchemas.names
        let keys =
            registry.tasks.flatMap { task in
                [Key.input(task), .output(task)] + task.acceptedVersions.map { Key.olderInput(task, version: $0) }
            } + registry.types.map { Key.sharedType($0.name) }
        for key in keys {
            var name = key.preferredName
            var suffix = 2
            while !taken.insert(name).inserted {
                name = key.preferredName + String(suffix)
                suffix += 1
            }
            assigned[key] = name
        }
    }

    /// The component name of `key`.
    subscript(key: Key) -> String {
        assigned[key] ?? key.preferredName
    }

    /// `schema` as JSON Schema, each `$ref` pointing at its shared type's component, each integer
    /// bounded by the 64-bit range of the Swift `Int` it becomes.
    func jsonSchema(_ schema: Schema) -> JSONValue {
        Self.boundingIntegers(pointingRefsAtComponents(schema).jsonSchema(refPrefix: JSONSchema.schemaPointer("")))
    }

    /// `json` with `minimum: Int.min` and `maximum: Int.max` on every `integer` schema that has no bound
    /// of its own on that side: a larger integer is valid JSON Schema but not a value the task's
    /// generated type (and the server) can hold, so the document says so.
    static func boundingIntegers(_ json: JSONValue) -> JSONValue {
        guard var object = json.objectValue else { return json }
        for (key, value) in object where key == "properties" {
            object[key] = .object((value.objectValue ?? [:]).mapValues(boundingIntegers))
        }
        if let items = object["items"] { object["items"] = boundingIntegers(items) }
        if object["type"] == "integer" {
            if object["minimum"] == nil, object["exclusiveMinimum"] == nil { object["minimum"] = .integer(Int.min) }
            if object["maximum"] == nil, object["exclusiveMaximum"] == nil { object["maximum"] = .integer(Int.max) }
        }
        return .object(object)
    }

    private func pointingRefsAtComponents(_ schema: Schema) -> Schema {
        var result = schema
        result.ref = schema.ref.map { self[.sharedType($0)] }
        result.properties = schema.properties.map { .init($0.name, pointingRefsAtComponents($0.schema)) }
        result.items = schema.items.map(pointingRefsAtComponents)
        return result
    }
}
