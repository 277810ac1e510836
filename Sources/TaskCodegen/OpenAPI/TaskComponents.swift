import TaskAPIModel
import TaskSchema

/// The component schemas of a registry: per task its input and output, and the input of every older
/// version it still accepts (from the schema lock); and the shared `types:`. A task's components
/// carry `x-taskforge-task` and `x-taskforge-version`.
struct TaskComponents {
    let registry: Registry
    let lock: SchemaLock?
    let names: SchemaNames

    var schemas: [String: JSONValue] {
        var schemas: [String: JSONValue] = [:]
        for type in registry.types {
            schemas[names[.sharedType(type.name)]] = names.jsonSchema(type.schema)
        }
        for task in registry.tasks {
            schemas[names[.input(task)]] = names.jsonSchema(task.input).adding(Self.marks(task, task.version))
            schemas[names[.output(task)]] = names.jsonSchema(task.output).adding(Self.marks(task, task.version))
            for (version, locked) in olderInputs(of: task) {
                schemas[names[.olderInput(task, version: version)]] = Self.jsonSchema(locked).adding(
                    Self.marks(task, version))
            }
        }
        return schemas
    }

    /// The component name of the input schema of every version `task` accepts, by version: the
    /// current one and each older one the lock holds.
    func inputNames(of task: TaskDefinition) -> [Int: String] {
        var inputs = [task.version: names[.input(task)]]
        for (version, _) in olderInputs(of: task) {
            inputs[version] = names[.olderInput(task, version: version)]
        }
        return inputs
    }

    /// The locked input schemas of the older versions `task` accepts, by version; versions the lock
    /// lacks are left out.
    private func olderInputs(of task: TaskDefinition) -> [(Int, CanonicalSchema)] {
        task.acceptedVersions.compactMap { version in
            lock?.entry(task: task.name, version: version).map { (version, $0.input) }
        }
    }

    private static func marks(_ task: TaskDefinition, _ version: Int) -> [String: JSONValue] {
        ["x-taskforge-task": .string(task.name), "x-taskforge-version": .integer(version)]
    }

    /// A locked schema with its titles and descriptions put back (its refs are already resolved).
    private static func jsonSchema(_ locked: CanonicalSchema) -> JSONValue {
        SchemaNames.boundingIntegers((try? locked.schema())?.jsonSchema() ?? locked.json)
    }
}
