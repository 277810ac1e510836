import Foundation
import Hummingbird
import TaskRuntime
import TaskServer

/// Seed 000, the `volcal_baseline` orchestrator: `POST /create_task`, `POST /start_task/{task_id}`
/// and `GET /query_task/{task_id}` over jobs of the `volcal` task. Its tus endpoints are
/// Taskforge's own (`/v1/jobs/{id}/files/{name}`), and its `tusd_hook` auto-start is the
/// framework's: a job starts by itself when its last required file is uploaded.
struct Seed000Volcal: RouteProfile {
    static let task = "volcal"
    let name = "seed000"
    let summary = "The volcal_baseline orchestrator's routes (seed 000): create, start and query volcal tasks."
    var openAPIPaths: [String: JSONValue] { Seed000Document.paths }

    func register(on router: Router<TaskRequestContext>, operations: TaskOperations) {
        router.post("/create_task") { request, context in
            var request = request
            let input = try await CompatSupport.optionalJSONBody(&request, limit: operations.configuration.maxBodyBytes)
            let job = try operations.prepare(task: Self.task, input: input, context: context)
            let created = try await operations.enqueue(job, context: context).job
            let declared = operations.catalog.entry(named: Self.task)?.definition.files ?? []
            var required: [String: JSONValue] = [:]
            var optional: [String: JSONValue] = [:]
            for file in declared {
                let url = CompatSupport.absoluteURL(
                    "/v1/jobs/\(created.id.lowercasedString)/files/\(file.name)", request)
                if file.required { required[file.name] = .string(url) } else { optional[file.name] = .string(url) }
            }
            return Response.json([
                "task_id": .string(created.id.lowercasedString),
                "status": .string(Seed000Status(created.state).rawValue),
                "upload_urls": .object(required),
                "optional_upload_urls": .object(optional),
            ])
        }
        router.post("/start_task/:task_id") { _, context in
            let id = try context.parameters.require("task_id")
            _ = try await volcalJob(id, operations, context)
            let job: Job
            do {
                job = try await operations.start(id: id, context: context)
            } catch let problem as Problem where problem.code == .jobNotWaiting {
                // Already started by its last upload (the tusd hook's behaviour): starting is done.
                job = try await volcalJob(id, operations, context)
            }
            return Response.json([
                "task_id": .string(job.id.lowercasedString), "status": .string(Seed000Status(job.state).rawValue),
            ])
        }
        router.get("/query_task/:task_id") { request, context in
            let job = try await volcalJob(try context.parameters.require("task_id"), operations, context)
            return Response.json(try await Seed000Query(job: job, request: request, operations: operations).json)
        }
    }

    /// The `volcal` job with `id`; any other job answers `404 job_not_found`, as one the principal cannot see.
    private func volcalJob(
        _ id: String, _ operations: TaskOperations, _ context: TaskRequestContext
    ) async throws -> Job {
        let job = try await operations.job(id: id, context: context)
        guard job.task == Self.task else { throw Problem.jobNotFound(id) }
        return job
    }
}

/// The seed's task statuses, from the job's state.
enum Seed000Status: String {
    case waiting, pending, running, done, error, killed

    init(_ state: JobState) {
        switch state {
        case .waiting: self = .waiting
        case .pending: self = .pending
        case .running: self = .running
        case .succeeded: self = .done
        case .failed: self = .error
        // Cancelled, or its worker kept dying (quarantined): it was stopped before finishing.
        case .cancelled, .quarantined: self = .killed
        }
    }
}

/// `GET /query_task/{task_id}`: the status and, once done, the results with a link to each
/// generated image (presigned when artifacts live in S3, else the API's own download link).
struct Seed000Query {
    let job: Job
    let request: Request
    let operations: TaskOperations

    var json: JSONValue {
        get async throws {
            let status = Seed000Status(job.state)
            var members: [String: JSONValue] = [
                "task_id": .string(job.id.lowercasedString),
                "status": .string(status.rawValue),
                "progress": JSONValue(number: job.progress),
                "created_at": CompatSupport.timestamp(job.createdAt),
                "started_at": CompatSupport.timestamp(job.startedAt),
                "finished_at": CompatSupport.timestamp(job.finishedAt),
                "results": .null,
            ]
            switch status {
            case .waiting:
                let files = try await operations.files(of: job) ?? []
                members["missing_files"] = .array(
                    files.filter { $0.required && !$0.isComplete }.map { .string($0.name) })
            case .done:
                var results = job.output?.objectValue ?? [:]
                results["images"] = .array(try await images())
                members["results"] = .object(results)
            case .error, .killed:
                members["results"] =
                    job.error.map { error -> JSONValue in
                        ["error": ["code": .string(error.code.rawValue), "message": .string(error.message)]]
                    } ?? .null
            case .pending, .running:
                break
            }
            return .object(members)
        }
    }

    /// Every artifact of the job with its download URL.
    private func images() async throws -> [JSONValue] {
        var images: [JSONValue] = []
        for artifact in try await operations.artifacts(of: job) {
            let api = CompatSupport.absoluteURL("/v1/artifacts/\(artifact.id.lowercasedString)", request)
            let url = try await operations.temporaryLink(to: artifact)?.absoluteString ?? api
            images.append([
                "name": .string(artifact.name), "content_type": .string(artifact.contentType),
                "size": .integer(Int(artifact.size)), "url": .string(url),
            ])
        }
        return images
    }
}
