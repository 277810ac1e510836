import Foundation
import Hummingbird
import TaskRuntime

/// `GET /v1/jobs`, `GET /v1/jobs/{id}`, `POST /v1/jobs/{id}/cancel`, `POST /v1/jobs/{id}/retry`,
/// `GET /v1/jobs/{id}/events`, `POST /v1/jobs/{id}/start` (a job waiting for its files), a method
/// each. A principal sees, cancels and retries only the jobs it submitted (another's answer
/// `404 job_not_found`, as if absent); `admin` sees every job.
struct JobRoutes {
    let operations: TaskOperations
    let eventStream: EventStreamSettings

    private var catalog: TaskCatalog { operations.catalog }
    private var store: any JobStore { operations.store }

    func register(on router: Router<TaskRequestContext>) {
        router.get("/v1/jobs", use: list)
        router.get("/v1/jobs/:id", use: show)
        router.get("/v1/jobs/:id/events", use: events)
        router.post("/v1/jobs/:id/cancel", use: cancel)
        router.post("/v1/jobs/:id/retry", use: retry)
        router.post("/v1/jobs/:id/start", use: start)
    }

    /// `GET /v1/jobs`: the principal's jobs, newest first, a page at a time.
    @Sendable func list(_ request: Request, context: TaskRequestContext) async throws -> Response {
        let page = try await operations.jobs(
            matching: try JobListParameters(request.uri.queryParameters).query, context: context)
        let body = JobListBody(
            jobs: page.jobs.map { JobResource.body($0, catalog) },
            nextCursor: page.nextBefore.map(JobListParameters.cursor(for:)))
        return Response.json(body.json)
    }

    /// `GET /v1/jobs/{id}`: the job with its artifacts, files and dataset lineage.
    @Sendable func show(_ request: Request, context: TaskRequestContext) async throws -> Response {
        let job = try await job(context, scope: .read)
        return Response.json(
            JobResource.json(
                job, catalog, artifacts: try await operations.artifacts(of: job),
                files: try await operations.files(of: job),
                datasets: try await operations.datasets(of: job)))
    }

    /// `GET /v1/jobs/{id}/events`: with `Accept: text/event-stream` a live stream (``JobEventStream``),
    /// otherwise the log as JSON.
    @Sendable func events(_ request: Request, context: TaskRequestContext) async throws -> Response {
        let job = try await job(context, scope: .read)
        // Checked in both forms: a malformed header is refused, not ignored.
        let lastEventID = try EventStreamRequest.lastEventID(request.headers)
        if EventStreamRequest.accepts(request.headers) {
            let channel = context.channel
            return JobEventStream(
                jobID: job.id, store: store, settings: eventStream, after: lastEventID ?? 0,
                isConnected: { channel.isActive }
            ).response()
        }
        return Response.json(JobEventListBody(events: try await operations.events(of: job)).json)
    }

    /// `POST /v1/jobs/{id}/cancel`: `202` while the running job is told, `200` once cancelled.
    @Sendable func cancel(_ request: Request, context: TaskRequestContext) async throws -> Response {
        switch try await operations.cancel(id: try context.parameters.require("id"), context: context) {
        case .requested(let job):
            return Response.json(JobResource.json(job, catalog), status: .accepted)
        case .cancelled(let job), .alreadyFinished(let job):
            return Response.json(JobResource.json(job, catalog))
        case .notFound:
            throw Problem.jobNotFound(try context.parameters.require("id"))
        }
    }

    /// `POST /v1/jobs/{id}/retry`: runs a failed, cancelled or quarantined job again. Retrying is
    /// submitting: the `submit` scope, for the job's task.
    @Sendable func retry(_ request: Request, context: TaskRequestContext) async throws -> Response {
        let job = try await operations.retry(id: try context.parameters.require("id"), context: context)
        return Response.json(JobResource.json(job, catalog))
    }

    /// `POST /v1/jobs/{id}/start`: starts a job waiting for its files. Part of submitting it: the
    /// `submit` scope, for the job's task.
    @Sendable func start(_ request: Request, context: TaskRequestContext) async throws -> Response {
        let job = try await operations.start(id: try context.parameters.require("id"), context: context)
        return Response.json(JobResource.json(job, catalog, files: try await store.files(ofJob: job.id)))
    }

    /// The job of the path's `id`, if the request's principal holds `scope` and may see it.
    private func job(_ context: TaskRequestContext, scope: TokenScope) async throws -> Job {
        try await operations.job(id: try context.parameters.require("id"), scope: scope, context: context)
    }
}

/// The query string of `GET /v1/jobs`: `task`, `status` (or `state`), `limit` (1...1000, default
/// 50) and `cursor` (opaque, from `next_cursor`).
struct JobListParameters {
    var query = JobQuery()

    init(_ parameters: Parameters) throws {
        query.task = parameters["task"].map(String.init)
        // `status` and `state` are synonyms: each given one must be valid, and `status` wins.
        for name in ["state", "status"] {
            guard let state = parameters[Substring(name)] else { continue }
            guard let parsed = JobState(rawValue: String(state)) else {
                throw Problem.invalidParameter(
                    name, "must be one of \(JobState.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            query.state = parsed
        }
        let page = try PageParameters(parameters)
        query.limit = page.limit ?? query.limit
        query.before = page.before
    }

    /// The opaque cursor that continues a listing after the job with `sequence`.
    static func cursor(for sequence: Int64) -> String {
        PageParameters.cursor(for: sequence)
    }

}

/// The keyset paging of a listing: `limit` (1...1000) and `cursor` (opaque, from `next_cursor`).
public struct PageParameters {
    var limit: Int?
    var before: Int64?

    init(_ parameters: Parameters) throws {
        if let limit = parameters["limit"] {
            guard let parsed = Int(limit), (1...1000).contains(parsed) else {
                throw Problem.invalidParameter("limit", "must be an integer from 1 to 1000")
            }
            self.limit = parsed
        }
        if let cursor = parameters["cursor"] {
            self.before = try Self.sequence(inCursor: String(cursor))
        }
    }

    /// The opaque cursor that continues a listing after the row at position `sequence`.
    public static func cursor(for sequence: Int64) -> String {
        Data("seq:\(sequence)".utf8).base64URLEncodedString()
    }

    /// The sequence a ``cursor(for:)`` holds; `400 invalid_parameter` for text this server did not issue.
    public static func sequence(inCursor cursor: String) throws -> Int64 {
        guard let data = Data(base64URLEncoded: cursor), let text = String(data: data, encoding: .utf8),
            text.hasPrefix("seq:"), let before = Int64(text.dropFirst(4))
        else { throw Problem.invalidParameter("cursor", "is not a cursor this server issued") }
        return before
    }
}
