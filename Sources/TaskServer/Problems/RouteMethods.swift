import Foundation
import TaskRuntime

/// Which methods each path accepts, read from the OpenAPI document that describes every route, so
/// that a known path asked with another method answers 405 with `Allow` instead of 404.
struct RouteMethods: Sendable {
    private struct Template: Sendable {
        var segments: [Substring]
        var methods: [String]

        func matches(_ path: [Substring]) -> Bool {
            path.count == segments.count
                && zip(segments, path).allSatisfy { template, actual in template.first == "{" || template == actual }
        }
    }

    private let templates: [Template]

    /// The paths of `openAPIDocument` (templates like `/v1/jobs/{id}` match any one segment).
    init(openAPIDocument: String) {
        let paths = (try? JSONValue(json: Data(openAPIDocument.utf8)))?["paths"]?.objectValue ?? [:]
        templates = paths.map { path, item in
            Template(
                segments: path.split(separator: "/"),
                methods: (item.objectValue ?? [:]).keys.map { $0.uppercased() }.sorted())
        }
    }

    /// The methods `path` accepts, sorted; empty when no route has that path.
    func methods(forPath path: String) -> [String] {
        let segments = path.split(separator: "/")
        return Array(Set(templates.filter { $0.matches(segments) }.flatMap(\.methods))).sorted()
    }
}
