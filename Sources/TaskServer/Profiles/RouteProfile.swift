import Foundation
import Hummingbird
import TaskRuntime

/// A set of HTTP routes an application adds next to the generated ones, as
/// `TaskApplication.commands` adds CLI commands: the routes of an older service whose clients move
/// over by changing only the host (docs/compat.md). They are registered on the same router as `/v1`,
/// so they get its authentication, problem+json errors, access log and metrics, and they reach jobs
/// only through ``TaskOperations`` (scopes and ownership included).
public protocol RouteProfile: RouteSet {
    /// A lower-case name, unique among the application's profiles, that `serve --no-compat <name>` turns off.
    var name: String { get }
    /// What the profile stands in for, shown as its tag's description in the OpenAPI document.
    var summary: String { get }
    /// The OpenAPI path items of its routes, keyed by path (`/tasks/{task_id}`): merged into the
    /// document served at `GET /openapi.json` under the tag ``name``. A path the generated document
    /// already has keeps the generated item.
    var openAPIPaths: [String: JSONValue] { get }
}

/// The OpenAPI document served at `GET /openapi.json`: the generated one with every profile's
/// path items merged in under the profile's tag. Deterministic: the same profiles give the same
/// bytes (canonical JSON), whatever order they come in.
enum ServedDocument {
    static func merging(_ profiles: [any RouteProfile], into document: String) -> String {
        guard !profiles.isEmpty, var root = (try? JSONValue(json: Data(document.utf8)))?.objectValue else {
            return document
        }
        var paths = root["paths"]?.objectValue ?? [:]
        var tags = root["tags"]?.arrayValue ?? []
        for profile in profiles.sorted(by: { $0.name < $1.name }) {
            tags.append(["name": .string(profile.name), "description": .string(profile.summary)])
            for (path, item) in profile.openAPIPaths.sorted(by: { $0.key < $1.key }) where paths[path] == nil {
                paths[path] = tagged(item, profile.name)
            }
        }
        root["paths"] = .object(paths)
        root["tags"] = .array(tags)
        return JSONValue.object(root).canonicalString()
    }

    /// `item` with `tag` on each of its operations.
    private static func tagged(_ item: JSONValue, _ tag: String) -> JSONValue {
        guard let operations = item.objectValue else { return item }
        return .object(
            operations.mapValues { operation in
                guard var members = operation.objectValue else { return operation }
                members["tags"] = [.string(tag)]
                return .object(members)
            })
    }
}
