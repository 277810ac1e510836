import Foundation

/// `Generated/tasks.lock.json`: for every task and every version ever released, the canonical
/// input and output schemas and their fingerprint. Committed; only the generator writes it.
///
/// The file is JSON, rendered deterministically (``render()``: two-space indentation, keys sorted,
/// version keys in numeric order, a trailing newline):
///
/// ```json
/// {
///   "lock_version": 1,
///   "tasks": {
///     "echo": {
///       "versions": {
///         "1": {
///           "annotations": {
///             "input": {"/properties/message": {"description": "The text to send back."}},
///             "output": {}
///           },
///           "fingerprint": "sha256:3b0c…",
///           "input": {"additionalProperties": false, "properties": {…}, "required": ["message"], "type": "object"},
///           "output": {…}
///         }
///       }
///     }
///   }
/// }
/// ```
///
/// - `lock_version`: the format version, `1`.
/// - `tasks.<name>.versions.<n>`: one entry per released version `n` of the task.
/// - `input`, `output`: ``CanonicalSchema/json``: refs resolved, `required` and `enum` sorted,
///   no `title` or `description`.
/// - `annotations.input`, `annotations.output`: the `title` and `description` of each schema node,
///   by JSON pointer (`""` is the whole schema); not fingerprinted.
/// - `fingerprint`: `"sha256:"` and the lowercase hex SHA-256 of the canonical JSON bytes
///   (``JSONValue/canonicalData()``) of `{"input": <input>, "output": <output>}`.
///   ``parse(data:)`` recomputes it, so a hand-edited schema is caught.
public struct SchemaLock: Sendable, Hashable {
    /// The `lock_version` this code reads and writes.
    public static let formatVersion = 1

    /// The command that refreshes the lock, for diagnostics.
    public static let refreshCommand = "swift package --allow-writing-to-package-directory taskgen lock"

    /// The locked schemas of one version of a task.
    public struct VersionEntry: Sendable, Hashable {
        public var input: CanonicalSchema
        public var output: CanonicalSchema

        public init(input: CanonicalSchema, output: CanonicalSchema) {
            self.input = input
            self.output = output
        }

        /// The current schemas of `task`, resolving its `$ref`s in `registry`.
        public init(task: TaskDefinition, in registry: Registry) {
            self.init(
                input: CanonicalSchema(task.input, in: registry), output: CanonicalSchema(task.output, in: registry))
        }

        /// `"sha256:<hex>"` of the canonical JSON of `{"input": …, "output": …}`; annotations excluded.
        public var fingerprint: String {
            let document: JSONValue = ["input": input.json, "output": output.json]
            return "sha256:" + LockDigest.sha256Hex(document.canonicalString().utf8)
        }
    }

    /// Locked versions by task name, then by version number.
    public var tasks: [String: [Int: VersionEntry]]

    public init(tasks: [String: [Int: VersionEntry]] = [:]) {
        self.tasks = tasks
    }

    /// The locked entry of `version` of task `task`, if released.
    public func entry(task: String, version: Int) -> VersionEntry? {
        tasks[task]?[version]
    }

    /// The released versions of task `task`, ascending; empty when it was never locked.
    public func versions(of task: String) -> [Int] {
        (tasks[task] ?? [:]).keys.sorted()
    }

    /// The lock with the current version of every task in `registry` recorded (a new version is
    /// added; the entry of an existing version is rewritten, annotations included), every older
    /// version kept, and tasks no longer in `registry` dropped (deleting a task is accepted by
    /// refreshing the lock).
    ///
    /// Call it only when ``LockCheck/check(_:against:)`` reports no error: it does not refuse a
    /// breaking change to a released version itself.
    public func updated(with registry: Registry) -> SchemaLock {
        var tasks: [String: [Int: VersionEntry]] = [:]
        for task in registry.tasks {
            var versions = self.tasks[task.name] ?? [:]
            versions[task.version] = VersionEntry(task: task, in: registry)
            tasks[task.name] = versions
        }
        return SchemaLock(tasks: tasks)
    }
}
