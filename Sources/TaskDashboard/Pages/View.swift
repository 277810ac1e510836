import Foundation
import Hummingbird
import TaskRuntime
import TaskServer

/// What a dashboard URL shows: parsed from a page's own request, and from the `view` its live stream
/// names, so that both render the same thing.
enum View: Hashable, Sendable {
    case overview
    case jobs(JobFilter)
    case job(id: String)
    case workers
    case schedules
    case tasks

    /// The view at `path` (under `/ui`) with `query`; `404 route_not_found` for no page.
    init(path: String, query: [String: String]) throws {
        let parts = path.split(separator: "/").map(String.init)
        guard parts.first == "ui" else { throw Problem(.notFound, .routeNotFound, "no page here") }
        let rest = Array(parts.dropFirst())
        switch rest {
        case []: self = .overview
        case ["jobs"]: self = .jobs(try JobFilter(query))
        case ["workers"]: self = .workers
        case ["schedules"]: self = .schedules
        case ["tasks"]: self = .tasks
        default:
            guard rest.count == 2, rest[0] == "jobs" else { throw Problem(.notFound, .routeNotFound, "no page here") }
            self = .job(id: rest[1])
        }
    }

    /// The request's view.
    init(_ request: Request) throws {
        try self.init(path: request.uri.path, query: Self.query(request.uri.queryParameters))
    }

    static func query(_ parameters: Parameters) -> [String: String] {
        var query: [String: String] = [:]
        for (name, value) in parameters { query[String(name)] = String(value) }
        return query
    }
}

/// The jobs list's filters and page, all in the URL.
struct JobFilter: Hashable, Sendable {
    var state: JobState?
    var task: String?
    var queue: String?
    /// The start of a job id.
    var id: String?
    /// The page: jobs older than this sequence (opaque `cursor` in the URL).
    var before: Int64?
    static let pageSize = 50

    init(state: JobState? = nil, task: String? = nil, queue: String? = nil, id: String? = nil, before: Int64? = nil) {
        self.state = state
        self.task = task
        self.queue = queue
        self.id = id
        self.before = before
    }

    /// `400 invalid_parameter` for a state, id prefix or cursor that is not one.
    init(_ query: [String: String]) throws {
        func value(_ name: String) -> String? { query[name].flatMap { $0.isEmpty ? nil : $0 } }
        if let state = value("state") {
            guard let parsed = JobState(rawValue: state) else {
                throw Problem.invalidParameter("state", "must be one of \(JobState.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            self.state = parsed
        }
        task = value("task")
        queue = value("queue")
        if let id = value("id") {
            guard JobIDPrefix(id) != nil else {
                throw Problem.invalidParameter("id", "must be the start of a job id: up to 32 hex digits, dashes where a UUID has them")
            }
            self.id = id
        }
        if let cursor = value("cursor") {
            self.before = try PageParameters.sequence(inCursor: cursor)
        }
    }

    var query: JobQuery {
        JobQuery(task: task, state: state, queue: queue, idPrefix: id.flatMap(JobIDPrefix.init), limit: Self.pageSize, before: before)
    }

    /// The filter's URL parameters, with `cursor` for `before` when given.
    func parameters(before: Int64? = nil) -> [(String, String?)] {
        [
            ("state", state?.rawValue), ("task", task), ("queue", queue), ("id", id),
            ("cursor", before.map(PageParameters.cursor(for:))),
        ]
    }

    var isFiltered: Bool { state != nil || task != nil || queue != nil || id != nil }
}
