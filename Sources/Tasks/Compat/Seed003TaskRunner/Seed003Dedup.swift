import Foundation
import Hummingbird
import TaskRuntime
import TaskServer

/// The seed's `has_been_processed(key, scope)` and `latest_run_for_key("scope:key")` helpers as
/// routes over the dedup index: `scope` is a task declaring `dedup`, `key` its dedup key (the
/// `dedup_key` that `GET /v1/dedup/{name}` answers for given field values). Only the principal's
/// own jobs count, as everywhere else.
struct Seed003Dedup {
    let operations: TaskOperations
    /// A job as the seed's task.
    let task: @Sendable (Job) -> JSONValue

    func register(on router: Router<TaskRequestContext>) {
        router.get("/dedup/has_been_processed") { request, context in
            let query = request.uri.queryParameters
            let scope = try Self.required("scope", query["scope"].map(String.init))
            let key = try Self.required("key", query["key"].map(String.init))
            let history = try await operations.dedupHistory(task: scope, key: key, context: context)
            return Response.json([
                "scope": .string(scope), "key": .string(key),
                "processed": .bool(history.latestSucceeded != nil),
                "last_at": CompatSupport.timestamp(history.latestSucceeded?.finishedAt),
            ])
        }
        router.get("/dedup/latest_run_for_key") { request, context in
            let scoped = try Self.required("key", request.uri.queryParameters["key"].map(String.init))
            guard let colon = scoped.firstIndex(of: ":") else {
                throw Problem.invalidParameter("key", "must be '<scope>:<key>', such as 'search:<dedup key>'")
            }
            let scope = String(scoped[..<colon])
            let key = String(scoped[scoped.index(after: colon)...])
            let history = try await operations.dedupHistory(task: scope, key: key, context: context)
            return Response.json(["key": .string(scoped), "run": history.latest.map(task) ?? .null])
        }
    }

    private static func required(_ name: String, _ value: String?) throws -> String {
        guard let value, !value.isEmpty else { throw Problem.invalidParameter(name, "is required") }
        return value
    }
}
