import Foundation
import HTTPTypes
import Hummingbird
import TaskRuntime
import TaskServer

/// Seed 002, the async processing API: `POST /datasets`, `GET /datasets/{dataset_id}`, `POST /jobs`
/// (`{dataset_id, type: metrics | normalization | anomaly_detection, params}`, the matching dataset
/// task), `GET /jobs/{job_id}` with its events, `GET /jobs/{job_id}/result` (the result's URI) and
/// `POST /jobs/{job_id}/cancel`, over the framework's dataset and job operations.
struct Seed002AsyncProcessing: RouteProfile {
    let name = "seed002"
    let summary = "The async processing API's routes (seed 002): datasets and processing jobs on them."
    var openAPIPaths: [String: JSONValue] { Seed002Document.paths }

    func register(on router: Router<TaskRequestContext>, operations: TaskOperations) {
        router.post("/datasets") { request, context in
            let dataset = try await operations.storeDataset(request, context: context)
            return Response.json(
                operations.json(dataset), status: .created,
                headers: [.location: "/datasets/\(dataset.id.lowercasedString)"])
        }
        router.get("/datasets/:dataset_id") { _, context in
            let dataset = try await operations.dataset(
                id: try context.parameters.require("dataset_id"), context: context)
            return Response.json(operations.json(dataset))
        }
        router.post("/jobs") { request, context in
            var request = request
            let body = try await request.jsonBody(limit: operations.configuration.maxBodyBytes)
            let submission = try Seed002Submission(body)
            let job: NewJob
            do {
                job = try operations.prepare(task: submission.task, input: submission.input, context: context)
                let created = try await operations.enqueue(job, context: context).job
                return Response.json(
                    try await Seed002Job(job: created, operations: operations).json, status: .created,
                    headers: [.location: "/jobs/\(created.id.lowercasedString)"])
            } catch let problem as Problem {
                throw Seed002Submission.repointed(problem)
            }
        }
        router.get("/jobs/:job_id") { _, context in
            let job = try await seedJob(context, operations: operations)
            return Response.json(try await Seed002Job(job: job, operations: operations).json)
        }
        router.get("/jobs/:job_id/result") { request, context in
            let job = try await seedJob(context, operations: operations)
            return Response.json(try await Seed002Job(job: job, operations: operations).result(request))
        }
        router.post("/jobs/:job_id/cancel") { _, context in
            let job = try await seedJob(context, operations: operations)
            switch try await operations.cancel(id: job.id.lowercasedString, context: context) {
            case .cancelled(let job), .requested(let job), .alreadyFinished(let job):
                return Response.json(try await Seed002Job(job: job, operations: operations).json)
            case .notFound:
                throw Problem.jobNotFound(job.id.lowercasedString)
            }
        }
    }

    /// The job of `job_id` if it is one of the seed's job types (a dataset task); `404 job_not_found` otherwise.
    private func seedJob(_ context: TaskRequestContext, operations: TaskOperations) async throws -> Job {
        let id = try context.parameters.require("job_id")
        let job = try await operations.job(id: id, context: context)
        guard Seed002Submission.types.values.contains(job.task) else { throw Problem.jobNotFound(id) }
        return job
    }
}

/// The body of seed 002's `POST /jobs`, as the dataset task it names and that task's input.
struct Seed002Submission {
    /// The seed's job types and the tasks that run them.
    static let types = [
        "metrics": "dataset_metrics", "normalization": "dataset_normalize", "anomaly_detection": "dataset_anomalies",
    ]

    var task: String
    var input: JSONValue

    init(_ body: JSONValue) throws {
        guard let members = body.objectValue else {
            throw Problem.invalidInput([
                Violation(pointer: "", code: "type", message: "expected an object, found \(body)")
            ])
        }
        var violations: [Violation] = []
        let type = members["type"]?.stringValue
        let task = type.flatMap { Self.types[$0] }
        if task == nil {
            let known = Self.types.keys.sorted().joined(separator: ", ")
            violations.append(
                Violation(
                    pointer: "/type", code: type == nil ? "required" : "enum",
                    message: "'type' must be one of \(known)\(type.map { ", found '\($0)'" } ?? "")"))
        }
        let datasetID = members["dataset_id"]?.stringValue
        if datasetID == nil {
            violations.append(
                Violation(pointer: "/dataset_id", code: "required", message: "missing 'dataset_id' (a dataset id)"))
        }
        var params: [String: JSONValue] = [:]
        switch members["params"] {
        case nil, .null?: break
        case .object(let given)?: params = given
        case let other?:
            violations.append(
                Violation(pointer: "/params", code: "type", message: "expected an object, found \(other)"))
        }
        if params["dataset"] != nil {
            violations.append(
                Violation(
                    pointer: "/params/dataset", code: "additional_property", message: "the dataset is 'dataset_id'"))
        }
        for name in members.keys.sorted() where !["type", "dataset_id", "params"].contains(name) {
            violations.append(
                Violation(pointer: "/\(name)", code: "additional_property", message: "unknown property '\(name)'"))
        }
        guard violations.isEmpty, let task, let datasetID else { throw Problem.invalidInput(violations) }
        params["dataset"] = .string(datasetID)
        self.task = task
        self.input = .object(params)
    }

    /// A refusal of the task's input, pointing into the seed's body: `/dataset` is `/dataset_id`, the
    /// rest is under `/params`.
    static func repointed(_ problem: Problem) -> Problem {
        var problem = problem
        func seedPointer(_ pointer: String) -> String {
            pointer == "/dataset" ? "/dataset_id" : "/params" + (pointer == "/" ? "" : pointer)
        }
        if let pointer = problem.extensions["pointer"]?.stringValue {
            problem.extensions["pointer"] = .string(seedPointer(pointer))
        }
        if let violations = problem.extensions["violations"]?.arrayValue {
            problem.extensions["violations"] = .array(
                violations.map { violation in
                    guard case .object(var members) = violation, let pointer = members["pointer"]?.stringValue else {
                        return violation
                    }
                    members["pointer"] = .string(seedPointer(pointer))
                    return .object(members)
                })
        }
        return problem
    }
}
