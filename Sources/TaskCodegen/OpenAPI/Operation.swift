import TaskSchema

/// One operation of a path item. Its ``json`` adds the responses every operation shares
/// (``ProblemResponse/sharedByEveryOperation``) and, unless it is public, those of authentication.
struct Operation {
    var id: String
    var tag: APITag
    var summary: String
    var description: String?
    var parameters: [JSONValue] = []
    var requestBody: JSONValue?
    /// Success responses by status code.
    var responses: [String: JSONValue]
    /// The errors this operation can answer besides the shared ones.
    var problems: [ProblemResponse] = []
    /// `x-` members.
    var extensions: [String: JSONValue] = [:]
    /// Answered without an API token (health checks, this document): `security: []`, no 401 or 403.
    var isPublic = false

    var json: JSONValue {
        var responses = self.responses
        let shared =
            ProblemResponse.sharedByEveryOperation + (isPublic ? [] : ProblemResponse.sharedByAuthenticatedOperations)
        for problem in problems + shared {
            responses[problem.status] = problem.reference
        }
        var operation = extensions
        operation["operationId"] = .string(id)
        operation["tags"] = [.string(tag.rawValue)]
        operation["summary"] = .string(summary)
        if let description { operation["description"] = .string(description) }
        if !parameters.isEmpty { operation["parameters"] = .array(parameters) }
        if let requestBody { operation["requestBody"] = requestBody }
        operation["responses"] = .object(responses)
        if isPublic { operation["security"] = [] }
        return .object(operation)
    }

    /// A success response with a JSON body following `schema`.
    static func jsonResponse(
        _ description: String, _ schema: JSONValue, headers: [String: JSONValue] = [:]
    ) -> JSONValue {
        var response: [String: JSONValue] = [
            "description": .string(description),
            "content": ["application/json": ["schema": schema]],
        ]
        if !headers.isEmpty { response["headers"] = .object(headers) }
        return .object(response)
    }

    /// An optional query parameter.
    static func query(_ name: String, _ schema: JSONValue, _ description: String) -> JSONValue {
        [
            "name": .string(name), "in": "query", "required": false, "schema": schema,
            "description": .string(description),
        ]
    }
}

/// The groups operations are listed under.
enum APITag: String, CaseIterable {
    case tasks, jobs, artifacts, datasets, uploads, operations

    var json: JSONValue {
        let description =
            switch self {
            case .tasks: "The registry, and one submit operation per task."
            case .jobs: "Jobs: look them up, list, cancel, follow their events."
            case .artifacts: "Artifacts: upload, download, and their lineage."
            case .datasets: "Datasets: tables (CSV, JSON Lines) stored once and read by jobs by id."
            case .uploads: "Resumable uploads of job input files over tus 1.0.0."
            case .operations: "Health checks, queue status and this document."
            }
        return ["name": .string(rawValue), "description": .string(description)]
    }
}

/// The path parameters shared by several operations, under `#/components/parameters`.
enum PathParameter: String, CaseIterable {
    case jobID = "JobID"
    case taskName = "TaskName"
    case artifactID = "ArtifactID"
    case datasetID = "DatasetID"
    case queueName = "QueueName"

    var reference: JSONValue {
        ["$ref": .string("#/components/parameters/" + rawValue)]
    }

    static var components: [String: JSONValue] {
        Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0.json) })
    }

    private var json: JSONValue {
        let (name, description) =
            switch self {
            case .jobID: ("id", "The job's id. An id that is not a UUID names no job (404).")
            case .taskName: ("name", "The task's name.")
            case .artifactID: ("id", "The artifact's id. An id that is not a UUID names no artifact (404).")
            case .datasetID: ("id", "The dataset's id. An id that is not a UUID names no dataset (404).")
            case .queueName: ("name", "The queue's name.")
            }
        return [
            "name": .string(name), "in": "path", "required": true, "description": .string(description),
            "schema": ["type": "string", "minLength": 1],
        ]
    }
}
