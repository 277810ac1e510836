/// A task bound to its handler: what the generated dispatch table is made of.
public struct TaskEntry: Sendable {
    /// A released version the task still accepts, and how its payloads become current ones.
    public struct OlderVersion: Sendable {
        public let version: Int
        public let inputSchema: Schema
        let upgrade: @Sendable (JSONValue) throws -> JSONValue
    }

    public let definition: TaskDefinition
    /// The older versions still accepted, by version.
    public private(set) var olderVersions: [Int: OlderVersion] = [:]
    private let handler: @Sendable (JSONValue, JobContext) async throws -> JSONValue

    /// Binds a typed handler. The stored input is decoded into `Input` before the call and the
    /// `Output` encoded after it; an input that no longer decodes fails the job permanently.
    public init<Input: Decodable & Sendable, Output: Encodable & Sendable>(
        _ definition: TaskDefinition,
        handler: @escaping @Sendable (Input, JobContext) async throws -> Output
    ) {
        self.definition = definition
        self.handler = { json, context in
            let input: Input
            do {
                input = try json.decode(as: Input.self)
            } catch {
                throw TaskError.permanent(.invalidInput, "the stored input does not decode as \(Input.self): \(error)")
            }
            return try JSONValue(encoding: try await handler(input, context))
        }
    }

    /// This entry, also accepting payloads of an older `version` (validated against `schema`) that
    /// `upgrade` turns into the current `Input` before the handler runs.
    public func accepting<Old: Decodable & Sendable, New: Encodable & Sendable>(
        _ version: Int, schema: Schema, upgrade: @escaping @Sendable (Old) throws -> New
    ) -> TaskEntry {
        var entry = self
        entry.olderVersions[version] = OlderVersion(version: version, inputSchema: schema) { json in
            let old: Old
            do {
                old = try json.decode(as: Old.self)
            } catch {
                throw TaskError.permanent(.invalidInput, "the stored v\(version) input does not decode: \(error)")
            }
            do {
                return try JSONValue(encoding: try upgrade(old))
            } catch let error as TaskError {
                throw error
            } catch {
                throw TaskError.permanent(.upgradeFailed, "upgrading the v\(version) input failed: \(error)")
            }
        }
        return entry
    }

    /// Runs the handler on a stored input of `version`, upgrading it first when it is older.
    public func run(_ input: JSONValue, version: Int, _ context: JobContext) async throws -> JSONValue {
        guard version != definition.version else { return try await handler(input, context) }
        guard let older = olderVersions[version] else {
            throw TaskError.permanent(.taskVersionRetired, TaskEntry.retiredMessage(definition, version: version))
        }
        return try await handler(try older.upgrade(input), context)
    }

    /// Why a job of a retired version cannot run, and what to do.
    static func retiredMessage(_ definition: TaskDefinition, version: Int) -> String {
        "task '\(definition.name)' no longer accepts version \(version) (current: \(definition.version)); "
            + "resubmit the job with a version-\(definition.version) input"
    }
}

/// The tasks a process can accept and run, by name.
public struct TaskCatalog: Sendable {
    public let entries: [TaskEntry]
    private let byName: [String: TaskEntry]

    public init(_ entries: [TaskEntry]) {
        self.entries = entries.sorted { $0.definition.name < $1.definition.name }
        self.byName = Dictionary(entries.map { ($0.definition.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func entry(named name: String) -> TaskEntry? {
        byName[name]
    }

    /// The queues that at least one task uses, sorted.
    public var queues: [String] {
        Array(Set(entries.map(\.definition.queue))).sorted()
    }
}
