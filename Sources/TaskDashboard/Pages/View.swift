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
    /// A `search:` input field: `query=swift`, `seconds=1..10`, `bboxes?`.
    var input: JobInputFilter?
    /// Created at or after (UTC).
    var from: Date?
    /// Created before (UTC).
    var to: Date?
    /// The page: jobs older than this sequence (opaque `cursor` in the URL).
    var before: Int64?
    static let pageSize = 50

    init(
        state: JobState? = nil, task: String? = nil, queue: String? = nil, id: String? = nil,
        input: JobInputFilter? = nil,
        from: Date? = nil, to: Date? = nil, before: Int64? = nil
    ) {
        self.state = state
        self.task = task
        self.queue = queue
        self.id = id
        self.input = input
        self.from = from
        self.to = to
        self.before = before
    }

    /// `400 invalid_parameter` for a state, id prefix, input filter, time or cursor that is not one.
    init(_ query: [String: String]) throws {
        func value(_ name: String) -> String? {
            query[name].flatMap {
                $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0.trimmingCharacters(in: .whitespaces)
            }
        }
        if let state = value("state") {
            guard let parsed = JobState(rawValue: state) else {
                throw Problem.invalidParameter(
                    "state", "must be one of \(JobState.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            self.state = parsed
        }
        task = value("task")
        queue = value("queue")
        if let id = value("id") {
            guard JobIDPrefix(id) != nil else {
                throw Problem.invalidParameter(
                    "id", "must be the start of a job id: up to 32 hex digits, dashes where a UUID has them")
            }
            self.id = id
        }
        if let input = value("input") {
            guard let parsed = JobInputFilter(input) else {
                throw Problem.invalidParameter(
                    "input", "must be field=value, field=lower..upper (either end may be left out) or field? (present)")
            }
            self.input = parsed
        }
        for (name, keyPath) in [("from", \JobFilter.from), ("to", \JobFilter.to)] {
            guard let text = value(name) else { continue }
            guard let date = Self.date(text) else {
                throw Problem.invalidParameter(
                    name, "must be a UTC time such as 2026-12-07T09:30 or 2026-12-07T09:30:00Z")
            }
            self[keyPath: keyPath] = date
        }
        if let cursor = value("cursor") {
            self.before = try PageParameters.sequence(inCursor: cursor)
        }
    }

    var query: JobQuery {
        JobQuery(
            task: task, state: state, queue: queue, idPrefix: id.flatMap(JobIDPrefix.init), limit: Self.pageSize,
            before: before,
            input: input, createdFrom: from, createdBefore: to)
    }

    /// The filter's URL parameters, with `cursor` for `before` when given.
    func parameters(before: Int64? = nil) -> [(String, String?)] {
        [
            ("state", state?.rawValue), ("task", task), ("queue", queue), ("id", id), ("input", input?.description),
            ("from", from.map(Self.minuteText)), ("to", to.map(Self.minuteText)),
            ("cursor", before.map(PageParameters.cursor(for:))),
        ]
    }

    var isFiltered: Bool {
        state != nil || task != nil || queue != nil || id != nil || input != nil || from != nil || to != nil
    }

    /// `2026-12-07T09:30` (what a `datetime-local` field sends, read as UTC), with seconds, or full RFC 3339.
    static func date(_ text: String) -> Date? {
        for format in [Date.ISO8601FormatStyle(), Date.ISO8601FormatStyle(includingFractionalSeconds: true)] {
            if let date = try? format.parse(text) { return date }
        }
        for suffix in [":00Z", "Z"] {
            if let date = try? Date.ISO8601FormatStyle().parse(text + suffix) { return date }
        }
        return nil
    }

    /// The time as a `datetime-local` field shows it: UTC, `2026-12-07T09:30`, with seconds when it has any.
    static func minuteText(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let minute = String(
            format: "%04d-%02d-%02dT%02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0,
            parts.minute ?? 0)
        return parts.second == 0 ? minute : minute + String(format: ":%02d", parts.second ?? 0)
    }
}
