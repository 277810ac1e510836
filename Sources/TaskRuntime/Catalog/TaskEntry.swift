/// A task bound to its handler: what the generated dispatch table is made of.
public struct TaskEntry: Sendable {
    /// A released version the task still accepts, and how its payloads become current ones.
    public struct OlderVersion: Sendable {
        public let version: Int
        public let inputSchema: Schema
        let upgrade: @Sendable (JSONValue) throws -> JSONValue
    }

    /// The task as declared, with the operational settings its process's ``TaskSetup`` changed.
    public internal(set) var definition: TaskDefinition
    /// The older versions still accepted, by version.
    public private(set) var olderVersions: [Int: OlderVersion] = [:]
    /// The current version's input check: the task's generated validator when the catalog bound one
    /// (``validatingInput(with:)``), else the interpreter on `definition.input`.
    public private(set) var inputValidator: (@Sendable (JSONValue) -> [Violation])?
    /// The process's check of a current-version submission (``TaskSetup/admit(_:_:)``).
    var admission: TaskSetup.Admission?
    /// The input as the dedup key sees it (``TaskSetup/dedupKey(_:values:)``).
    var dedupKeyValues: TaskSetup.DedupKeyValues?
    /// The handlers in stage order: exactly one for a single-stage task.
    private let stages: [StageHandler]

    /// Binds a typed handler. The stored input is decoded into `Input` before the call and the
    /// `Output` encoded after it; an input that no longer decodes fails the job permanently.
    public init<Input: Decodable & Sendable, Output: Encodable & Sendable>(
        _ definition: TaskDefinition,
        handler: @escaping @Sendable (Input, JobContext) async throws -> Output
    ) {
        self.definition = definition
        self.stages = [StageHandler(handler)]
    }

    /// Binds the handlers of a multi-stage task, one per declared stage, in order.
    public init(_ definition: TaskDefinition, stages: [StageHandler]) {
        precondition(
            stages.count == definition.stages.count,
            "task '\(definition.name)' declares \(definition.stages.count) stages, bound to \(stages.count) handlers")
        self.definition = definition
        self.stages = stages
    }

    /// `json` decoded as a handler's `Input`; an input that no longer decodes fails the job permanently.
    static func decodeInput<Input: Decodable>(_ json: JSONValue) throws -> Input {
        do {
            return try json.decode(as: Input.self)
        } catch {
            throw TaskError.permanent(.invalidInput, "the stored input does not decode as \(Input.self): \(error)")
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

    /// This entry, checking current-version inputs with `validator` (the task's generated
    /// `validateInput`), which must report exactly the violations of `definition.input.validate(_:)`.
    public func validatingInput(with validator: @escaping @Sendable (JSONValue) -> [Violation]) -> TaskEntry {
        var entry = self
        entry.inputValidator = validator
        return entry
    }

    /// Every violation of a current-version `input`: the generated validator's, or the interpreter's.
    public func validateCurrentInput(_ input: JSONValue) -> [Violation] {
        inputValidator?(input) ?? definition.input.validate(input)
    }

    /// Runs the handler of stage `stage` (0 for a single-stage task) on a stored input of `version`,
    /// upgrading it first when it is older; `previous` is the output of the stage before (`nil` for
    /// the first). Returns the stage's output: the task's output for the last stage.
    public func run(
        _ input: JSONValue, version: Int, stage: Int = 0, previous: JSONValue? = nil, _ context: JobContext
    ) async throws -> JSONValue {
        guard stages.indices.contains(stage) else {
            throw TaskError.permanent(
                .invalidInput,
                "task '\(definition.name)' has \(stages.count) stage(s); the job is at stage \(stage + 1)")
        }
        guard version != definition.version else { return try await stages[stage].run(input, previous, context) }
        guard let older = olderVersions[version] else {
            throw TaskError.permanent(.taskVersionRetired, TaskEntry.retiredMessage(definition, version: version))
        }
        return try await stages[stage].run(try older.upgrade(input), previous, context)
    }

    /// The input to store for a current-version submission that passed the schema: `input` itself,
    /// or what the process's submission check made of it. Throws when the check refuses it.
    public func admit(_ input: JSONValue) throws(SubmissionRefusal) -> JSONValue {
        guard let admission else { return input }
        do {
            return try admission(input)
        } catch let refusal as SubmissionRefusal {
            throw refusal
        } catch {
            throw .invalidParameters([Violation(pointer: "", code: "type", message: "\(error)")])
        }
    }

    /// The key under `policy` (the task's `dedup`) of a submission of `version` with (stored) `input`.
    public func dedupKey(_ policy: DedupPolicy, version: Int, input: JSONValue, owner: String? = nil) -> String {
        policy.key(task: definition.name, version: version, input: dedupKeyValues?(input) ?? input, owner: owner)
    }

    /// Why a job of a retired version cannot run, and what to do.
    static func retiredMessage(_ definition: TaskDefinition, version: Int) -> String {
        "task '\(definition.name)' no longer accepts version \(version) (current: \(definition.version)); "
            + "resubmit the job with a version-\(definition.version) input"
    }
}
