import Foundation
import Hummingbird
import TaskRuntime

/// `GET /v1/dedup/{task}?<key fields>`: for a task declaring `dedup`, whether the submission with
/// these key field values has been processed, when and by which job (the newest that succeeded), and
/// the latest job with the key in any state. Query values are read as the fields' schema types
/// (`count=3` is the integer 3; arrays and objects are written as JSON); a field left out takes its
/// default, else `null`, as a submission would. `version` picks an older accepted version's keys.
struct DedupRoutes {
    let catalog: TaskCatalog
    let store: any JobStore

    func register(on router: Router<TaskRequestContext>) {
        router.get("/v1/dedup/:name") { request, context in
            let principal = try context.principal(holding: .read)
            let name = try context.parameters.require("name")
            guard let entry = catalog.entry(named: name) else {
                throw Problem.taskNotFound(name, known: catalog.entries.map(\.definition.name))
            }
            guard let dedup = entry.definition.dedup else {
                throw Problem(
                    .notFound, .dedupNotDeclared,
                    "task '\(name)' declares no dedup, so its submissions have no dedup key to look up")
            }
            let lookup = try DedupLookup(
                entry: entry, policy: dedup, query: request.uri.queryParameters, owner: principal.tokenID)
            return Response.json(
                lookup.json(try await store.dedupHistory(key: lookup.key), policy: dedup, catalog: catalog))
        }
    }
}

/// One lookup of ``DedupRoutes``: the key fields read from the query and the dedup key they make.
struct DedupLookup {
    var version: Int
    var fields: [String: JSONValue]
    var key: String

    init(entry: TaskEntry, policy: DedupPolicy, query: Parameters, owner: String?) throws {
        let definition = entry.definition
        var version = definition.version
        var fields: [String: JSONValue] = [:]
        for (name, text) in query {
            if name == "version" {
                guard let pinned = Int(text),
                    pinned == definition.version || definition.acceptedVersions.contains(pinned)
                else {
                    throw Problem.invalidParameter(
                        "version", "must be a version the task accepts: \(definition.version) or an accepted older one")
                }
                version = pinned
                continue
            }
            let field = String(name)
            guard policy.keyFields.contains(field),
                let schema = definition.input.properties.first(where: { $0.name == field })?.schema
            else {
                throw Problem.invalidParameter(
                    field,
                    "is not a dedup key field of task '\(definition.name)'; its key fields are "
                        + policy.keyFields.joined(separator: ", "))
            }
            fields[field] = try Self.value(String(text), as: schema, field: field)
        }
        var input = definition.input.applyingDefaults(to: .object(fields))
        // Completed as a submission would be; a refusal (a provider not configured here) does not
        // change which key the fields make.
        if version == definition.version, let admitted = try? entry.admit(input) { input = admitted }
        self.version = version
        self.fields = Dictionary(uniqueKeysWithValues: policy.keyFields.map { ($0, input[$0] ?? .null) })
        self.key = entry.dedupKey(policy, version: version, input: input, owner: owner)
    }

    func json(_ history: DedupHistory, policy: DedupPolicy, catalog: TaskCatalog) -> JSONValue {
        let succeeded = history.latestSucceeded
        let reusableUntil = succeeded?.finishedAt.flatMap { finished -> Date? in
            policy.reuseResultFor > .zero ? finished.addingTimeInterval(policy.reuseResultFor.seconds) : nil
        }
        return [
            "version": .integer(version),
            "key": .object(fields),
            "dedup_key": .string(key),
            "processed": .bool(succeeded != nil),
            "processed_at": succeeded?.finishedAt.map(JobResource.timestamp) ?? .null,
            "reusable_until": reusableUntil.map(JobResource.timestamp) ?? .null,
            "succeeded_job": succeeded.map { JobResource.json($0, catalog) } ?? .null,
            "latest_job": history.latest.map { JobResource.json($0, catalog) } ?? .null,
        ]
    }

    /// `text` as the JSON value `schema` expects: strings as they are, numbers and booleans parsed,
    /// anything else (arrays, objects, unions) as JSON.
    private static func value(_ text: String, as schema: Schema, field: String) throws -> JSONValue {
        switch schema.nonNullTypes {
        case [.string]:
            return .string(text)
        case [.integer]:
            guard let value = Int(text) else { throw Problem.invalidParameter(field, "must be an integer") }
            return .integer(value)
        case [.number]:
            guard let value = Double(text), value.isFinite else {
                throw Problem.invalidParameter(field, "must be a number")
            }
            return JSONValue(number: value)
        case [.boolean]:
            guard let value = Bool(text) else { throw Problem.invalidParameter(field, "must be true or false") }
            return .bool(value)
        default:
            guard let value = try? JSONValue(json: Data(text.utf8)) else {
                throw Problem.invalidParameter(field, "must be written as JSON for this field's type")
            }
            return value
        }
    }

}
