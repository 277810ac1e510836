import Foundation
import TaskCodegen
import TaskSchema
import Testing

/// `Generated/openapi.json`: the golden file, determinism, the shape of each route, older accepted
/// versions, and two independent checks in Python: openapi-spec-validator on the whole document,
/// and jsonschema on responses shaped as the server renders them.
@Suite("OpenAPI document")
struct OpenAPITests {
    static let goldenFile = GoldenTests.directory.appendingPathComponent("openapi.json.golden")

    /// `Golden/tasks.yaml` and a lock holding its current versions.
    static func golden() throws -> (registry: Registry, lock: SchemaLock) {
        let registry = try Registry.load(path: GoldenTests.directory.appendingPathComponent("tasks.yaml").path)
        return (registry, SchemaLock().updated(with: registry))
    }

    /// `echo` at version 3, still accepting 1 and 2, with a lock that released all three.
    static func versioned() throws -> (registry: Registry, lock: SchemaLock) {
        func echo(version: Int, accepts: String, property: String) throws -> Registry {
            let text = """
                tasks:
                  echo:
                    version: \(version)
                    accepts: \(accepts)
                    summary: Echo a message back.
                    timeout: 30s
                    input:
                      type: object
                      required: [\(property)]
                      properties:
                        \(property): {type: string, description: The text to send back.}
                    output: {type: object, required: [message], properties: {message: {type: string}}}
                """
            let result = RegistryParser.parse(text, file: "tasks.yaml")
            return try #require(result.registry, "\(result.diagnostics)")
        }
        let registry = try echo(version: 3, accepts: "[1, 2]", property: "text")
        let lock = SchemaLock()
            .updated(with: try echo(version: 1, accepts: "[]", property: "message"))
            .updated(with: try echo(version: 2, accepts: "[1]", property: "msg"))
            .updated(with: registry)
        return (registry, lock)
    }

    @Test func matchesTheGoldenFile() throws {
        let (registry, lock) = try Self.golden()
        let rendered = OpenAPIRenderer.render(for: registry, lock: lock)
        if ProcessInfo.processInfo.environment["TASKFORGE_UPDATE_GOLDENS"] == "1" {
            try rendered.write(to: Self.goldenFile, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: Self.goldenFile, encoding: .utf8)
        #expect(rendered == expected, "regenerate with TASKFORGE_UPDATE_GOLDENS=1 and review the diff")
    }

    @Test func renderingIsDeterministicAndReadsBack() throws {
        let (registry, lock) = try Self.golden()
        let text = OpenAPIRenderer.render(for: registry, lock: lock)
        #expect(text == OpenAPIRenderer.render(for: registry, lock: lock))
        #expect(text.hasSuffix("}\n") && text.contains("\n  \"components\": {\n"))
        #expect(try JSONValue(json: Data(text.utf8)) == OpenAPIRenderer.document(for: registry, lock: lock))
    }

    /// Every route with every status it can answer (`TaskServer`'s routes and `ProblemMiddleware`).
    @Test func describesEveryRouteOfTheServer() throws {
        let (registry, lock) = try Self.golden()
        let document = OpenAPIRenderer.document(for: registry, lock: lock)
        #expect(document["openapi"] == "3.1.0")
        let paths = try #require(document["paths"]?.objectValue)
        var statuses: [String: Set<String>] = [:]
        for (path, item) in paths {
            for (method, operation) in item.objectValue ?? [:] {
                statuses["\(method) \(path)"] = Set(operation["responses"]?.objectValue?.keys.map { $0 } ?? [])
            }
        }
        // `aod_estimation` declares `dedup`, so its submit may also answer 200 with an existing job.
        // Every operation but the public ones may answer 401 and 403.
        let auth: Set = ["401", "403", "default"]
        let submit = auth.union(["202", "400", "404", "409", "410", "413", "422", "429", "503"])
        let creation = auth.union(["201", "400", "412", "413", "460", "503"])
        #expect(
            statuses == [
                "get /v1/tasks": auth.union(["200"]),
                "get /v1/tasks/{name}": auth.union(["200", "404"]),
                "get /v1/tasks/echo": auth.union(["200"]), "post /v1/tasks/echo": submit,
                "get /v1/tasks/aod_estimation": auth.union(["200"]),
                "post /v1/tasks/aod_estimation": submit.union(["200"]),
                "post /api/run-model": submit.union(["200"]),
                "get /v1/tasks/volcano_risk": auth.union(["200"]), "post /v1/tasks/volcano_risk": submit,
                "get /v1/jobs": auth.union(["200", "400"]),
                "get /v1/jobs/{id}": auth.union(["200", "404"]),
                "post /v1/jobs/{id}/cancel": auth.union(["200", "202", "404", "409"]),
                "post /v1/jobs/{id}/retry": auth.union(["200", "404", "409"]),
                "post /v1/jobs/{id}/start": auth.union(["200", "404", "409"]),
                "get /v1/tasks/survey": auth.union(["200"]), "post /v1/tasks/survey": submit,
                "get /v1/jobs/{id}/events": auth.union(["200", "400", "404"]),
                "get /v1/queues": auth.union(["200"]),
                "post /v1/queues/{name}/pause": auth.union(["200", "404"]),
                "post /v1/queues/{name}/resume": auth.union(["200", "404"]),
                "get /v1/dedup/{name}": auth.union(["200", "400", "404"]),
                "post /v1/jobs:batch": auth.union(["202", "400", "404", "413", "422", "429"]),
                "get /v1/limits": auth.union(["200"]),
                "post /v1/artifacts": auth.union(["201", "400", "404", "413", "422", "503"]),
                "get /v1/artifacts/{id}": auth.union(["200", "302", "404", "503"]),
                "get /v1/artifacts/{id}/meta": auth.union(["200", "404"]),
                "post /v1/datasets": auth.union(["201", "400", "413", "415", "422", "503"]),
                "get /v1/datasets": auth.union(["200", "400"]),
                "get /v1/datasets/{id}": auth.union(["200", "404"]),
                "delete /v1/datasets/{id}": auth.union(["204", "404", "409"]),
                "get /v1/datasets/{id}/content": auth.union(["200", "302", "404", "503"]),
                "options /v1/uploads": auth.union(["204"]),
                "post /v1/uploads": creation.union(["415"]), "post /v1/jobs/{id}/files/{name}": creation,
                "head /v1/uploads/{id}": auth.union(["200", "404", "410", "412", "423", "503"]),
                "patch /v1/uploads/{id}": auth.union([
                    "204", "400", "404", "409", "410", "412", "413", "415", "422", "423", "460", "503",
                ]),
                "delete /v1/uploads/{id}": auth.union(["204", "404", "410", "412", "423", "503"]),
                "get /healthz": ["200", "default"],
                "get /readyz": ["200", "503", "default"],
                "get /metrics": ["200", "default"],
                "get /openapi.json": ["200", "default"],
            ])
    }

    @Test func declaresBearerTokensAndThePublicOperations() throws {
        let (registry, lock) = try Self.golden()
        let document = OpenAPIRenderer.document(for: registry, lock: lock)
        #expect(document["security"] == [["bearerAuth": []]])
        #expect(document["components"]?["securitySchemes"]?["bearerAuth"]?["scheme"] == "bearer")
        #expect(document["paths"]?["/healthz"]?["get"]?["security"] == [])
        #expect(document["paths"]?["/metrics"]?["get"]?["security"] == [])
        #expect(document["paths"]?["/v1/jobs"]?["get"]?["security"] == nil)
        #expect(
            document["paths"]?["/v1/jobs"]?["get"]?["responses"]?["401"] == [
                "$ref": "#/components/responses/Unauthorized"
            ])
    }

    @Test(arguments: ["echo", "aod_estimation"])
    func eachTaskHasItsOwnSubmitOperation(task: String) throws {
        let (registry, lock) = try Self.golden()
        let document = OpenAPIRenderer.document(for: registry, lock: lock)
        let operation = try #require(document["paths"]?["/v1/tasks/\(task)"]?["post"])
        let type = Naming.upperCamelCase(task)
        #expect(operation["operationId"] == .string("submit_\(task)"))
        #expect(
            operation["requestBody"]?["content"]?["application/json"]?["schema"]
                == ["$ref": .string("#/components/schemas/\(type)Input")])
        #expect(operation["requestBody"]?["required"] == true)
        #expect(operation["responses"]?["202"]?["headers"]?["Location"]?["required"] == true)
        #expect(operation["responses"]?["422"] == ["$ref": "#/components/responses/SubmitUnprocessable"])
        #expect(operation["responses"]?["409"] == ["$ref": "#/components/responses/IdempotencyKeyInProgress"])
        #expect(operation["x-taskforge-output"] == .string("#/components/schemas/\(type)Output"))
        let version = try #require(operation["parameters"]?.arrayValue?.first)
        #expect(version["name"] == "version" && version["in"] == "query" && version["required"] == false)
        let names = operation["parameters"]?.arrayValue?.compactMap { $0["name"]?.stringValue }
        #expect(names == ["version", "priority", "delay", "run_at", "Idempotency-Key"])
        let schemas = try #require(document["components"]?["schemas"])
        #expect(schemas["\(type)Input"]?["x-taskforge-task"] == .string(task))
        #expect(schemas["\(type)Output"]?["type"] == "object")
    }

    @Test func sharedTypesAreComponentsThatTaskSchemasReference() throws {
        let (registry, lock) = try Self.golden()
        let schemas = try #require(OpenAPIRenderer.document(for: registry, lock: lock)["components"]?["schemas"])
        #expect(schemas["BBox"]?["minItems"] == 4)
        #expect(
            schemas["AodEstimationInput"]?["properties"]?["bboxes"]?["items"] == ["$ref": "#/components/schemas/BBox"])
        #expect(
            schemas["AodEstimationOutput"]?["properties"]?["results"]?["items"]
                == ["$ref": "#/components/schemas/SearchResult"])
    }

    @Test func aSharedTypeNamedLikeAnAPISchemaIsRenamed() throws {
        let text = """
            types:
              Job: {type: object, properties: {id: {type: integer}}}
            tasks:
              build:
                version: 1
                summary: Build.
                timeout: 1m
                input: {type: object, properties: {job: {$ref: "#/types/Job"}}}
                output: {type: object}
            """
        let result = RegistryParser.parse(text, file: "tasks.yaml")
        let registry = try #require(result.registry, "\(result.diagnostics)")
        let schemas = try #require(OpenAPIRenderer.document(for: registry, lock: nil)["components"]?["schemas"])
        #expect(
            schemas["Job2"]?["properties"]?["id"] == [
                "type": "integer", "minimum": .integer(Int.min), "maximum": .integer(Int.max),
            ])
        #expect(schemas["BuildInput"]?["properties"]?["job"] == ["$ref": "#/components/schemas/Job2"])
        #expect(schemas["Job"]?["properties"]?["links"] != nil, "the API's own Job must stay")
    }

    @Test func olderAcceptedVersionsHaveTheirOwnInputSchemas() throws {
        let (registry, lock) = try Self.versioned()
        let document = OpenAPIRenderer.document(for: registry, lock: lock)
        let schemas = try #require(document["components"]?["schemas"])
        let v1 = try #require(schemas["EchoV1Input"])
        #expect(v1["x-taskforge-version"] == 1 && v1["x-taskforge-task"] == "echo")
        #expect(v1["required"] == ["message"])
        #expect(v1["properties"]?["message"]?["description"] == "The text to send back.")
        #expect(schemas["EchoV2Input"]?["required"] == ["msg"])
        #expect(schemas["EchoInput"]?["x-taskforge-version"] == 3)
        #expect(schemas["EchoV3Input"] == nil)

        let submit = try #require(document["paths"]?["/v1/tasks/echo"]?["post"])
        #expect(submit["parameters"]?.arrayValue?.first?["schema"]?["enum"] == [1, 2, 3])
        #expect(
            submit["x-taskforge-inputs"] == [
                "1": "#/components/schemas/EchoV1Input", "2": "#/components/schemas/EchoV2Input",
                "3": "#/components/schemas/EchoInput",
            ])
        #expect(
            submit["description"]?.stringValue?.contains("`?version=1`: `#/components/schemas/EchoV1Input`") == true)
        #expect(
            submit["requestBody"]?["content"]?["application/json"]?["schema"] == [
                "$ref": "#/components/schemas/EchoInput"
            ])
    }

    @Test func anOlderVersionMissingFromTheLockGetsNoComponent() throws {
        let (registry, _) = try Self.versioned()
        let document = OpenAPIRenderer.document(for: registry, lock: nil)
        #expect(document["components"]?["schemas"]?["EchoV1Input"] == nil)
        let submit = try #require(document["paths"]?["/v1/tasks/echo"]?["post"])
        #expect(submit["parameters"]?.arrayValue?.first?["schema"]?["enum"] == [1, 2, 3])
        #expect(submit["x-taskforge-inputs"] == ["3": "#/components/schemas/EchoInput"])
    }

    @Test(arguments: ["golden", "versioned"])
    func everyReferenceResolves(fixture: String) throws {
        let (registry, lock) = try fixture == "golden" ? Self.golden() : Self.versioned()
        let document = OpenAPIRenderer.document(for: registry, lock: lock)
        var unresolved: [String] = []
        Self.visitReferences(in: document) { pointer in
            if Self.resolve(pointer, in: document) == nil { unresolved.append(pointer) }
        }
        #expect(unresolved.isEmpty)
    }

    @Test(arguments: ["golden", "versioned"])
    func openAPISpecValidatorAcceptsTheDocument(fixture: String) async throws {
        try await PythonScript.requireModule("openapi_spec_validator", package: "openapi-spec-validator")
        let (registry, lock) = try fixture == "golden" ? Self.golden() : Self.versioned()
        let file = try Self.temporaryFile(OpenAPIRenderer.render(for: registry, lock: lock))
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try await PythonScript.run(["-m", "openapi_spec_validator", "--schema", "3.1", file.path])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    }

    @Test func responsesShapedAsTheServerRendersThemConform() async throws {
        try await PythonScript.requireModule("jsonschema", package: "openapi-spec-validator")
        let (registry, lock) = try Self.golden()
        let cases = try JSONValue(json: Data(ServerSamples.cases.utf8))
        let input: JSONValue = ["document": OpenAPIRenderer.document(for: registry, lock: lock), "cases": cases]
        let file = try Self.temporaryFile(input.canonicalString())
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try await PythonScript.run(["-c", ServerSamples.validator, file.path])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    }

    /// Calls `visit` with every `$ref` of the document, and the schema pointers of `x-taskforge-output`
    /// and `x-taskforge-inputs`.
    static func visitReferences(in value: JSONValue, _ visit: (String) -> Void) {
        switch value {
        case .object(let object):
            for (key, member) in object {
                switch (key, member) {
                case ("$ref", .string(let pointer)), ("x-taskforge-output", .string(let pointer)):
                    visit(pointer)
                case ("x-taskforge-inputs", .object(let inputs)):
                    inputs.values.compactMap(\.stringValue).forEach(visit)
                default:
                    visitReferences(in: member, visit)
                }
            }
        case .array(let elements):
            for element in elements { visitReferences(in: element, visit) }
        default:
            break
        }
    }

    /// The value at a local JSON pointer (`#/components/schemas/Job`), if any.
    static func resolve(_ pointer: String, in document: JSONValue) -> JSONValue? {
        guard pointer.hasPrefix("#/") else { return nil }
        var value: JSONValue? = document
        for token in pointer.dropFirst(2).split(separator: "/", omittingEmptySubsequences: false) {
            let key = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            value = value?[key]
        }
        return value
    }

    static func temporaryFile(_ contents: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "taskforge-openapi-\(UUID().uuidString).json")
        try contents.write(to: url, atomically: true, encoding: .utf8)
        return url
    }
}

/// Response bodies exactly as `TaskServer` renders them (`JobResource`, `TaskResource`, `Problem`),
/// each with the component it must match, and a few that must not match so the check is not vacuous.
private enum ServerSamples {
    static let validator = """
        import json, sys
        from jsonschema import Draft202012Validator
        data = json.load(open(sys.argv[1]))
        failures = []
        for case in data["cases"]:
            schema = dict(data["document"], **{"$ref": "#/components/schemas/" + case["schema"]})
            errors = [f"{list(e.absolute_path)}: {e.message}" for e in Draft202012Validator(schema).iter_errors(case["instance"])]
            if bool(errors) == case["valid"]:
                failures.append(f"{case['name']}: expected {'valid' if case['valid'] else 'invalid'}, found {errors or 'valid'}")
        print("\\n".join(failures))
        sys.exit(1 if failures else 0)
        """

    static let pendingJob = """
        {"id": "6f1c2e4a-5b6d-4e7f-8a9b-0c1d2e3f4a5b", "task": "echo", "version": 1, "handler_version": null,
         "queue": "default", "priority": 0, "state": "pending", "stage": null, "stages": null, "progress": 0,
         "input": {"message": "hello"}, "output": null, "error": null, "attempt": 0, "max_attempts": 1,
         "crashes": 0, "cancel_requested": false, "created_at": "2026-11-24T10:15:30.123Z", "run_at": "2026-11-24T10:15:30.123Z",
         "started_at": null, "finished_at": null,
         "links": {"self": "/v1/jobs/6f1c2e4a-5b6d-4e7f-8a9b-0c1d2e3f4a5b",
                   "events": "/v1/jobs/6f1c2e4a-5b6d-4e7f-8a9b-0c1d2e3f4a5b/events",
                   "cancel": "/v1/jobs/6f1c2e4a-5b6d-4e7f-8a9b-0c1d2e3f4a5b/cancel",
                   "retry": "/v1/jobs/6f1c2e4a-5b6d-4e7f-8a9b-0c1d2e3f4a5b/retry"}}
        """

    static let failedJob = """
        {"id": "6f1c2e4a-5b6d-4e7f-8a9b-0c1d2e3f4a5b", "task": "sleep", "version": 1, "handler_version": 2,
         "queue": "io", "priority": 5, "state": "failed", "stage": "download", "progress": 42.5,
         "stages": [
           {"name": "download", "state": "failed", "started_at": "2026-11-24T10:15:31.500Z",
            "finished_at": "2026-11-24T10:16:01.500Z", "attempts": 3},
           {"name": "convert", "state": "pending", "started_at": null, "finished_at": null, "attempts": 0}],
         "input": [1, "any JSON"], "output": null,
         "error": {"code": "task_runtime_exceeded", "message": "ran past 30s", "retryable": true, "details": {"limit": 30}},
         "attempt": 3, "max_attempts": 3, "crashes": 1, "cancel_requested": true,
         "created_at": "2026-11-24T10:15:30.123Z", "run_at": "2026-11-24T10:15:31.000Z",
         "started_at": "2026-11-24T10:15:31.500Z", "finished_at": "2026-11-24T10:16:01.500Z",
         "links": {"self": "/v1/jobs/x", "events": "/v1/jobs/x/events", "cancel": "/v1/jobs/x/cancel",
                   "retry": "/v1/jobs/x/retry"}}
        """

    /// A job of a task with files, as submitting it answers: waiting, with each file's upload URL.
    static let waitingJob = """
        \(pendingJob.dropLast().replacingOccurrences(of: "\"state\": \"pending\"", with: "\"state\": \"waiting\"")
            .replacingOccurrences(of: "/retry\"}", with: "/retry\", \"start\": \"/v1/jobs/x/start\"}")),
         "files": [
           {"name": "pre", "required": true, "announced": false, "state": "complete", "max_size": null,
            "media_types": [], "upload_url": null, "upload": null, "size": 12, "sha256": "ab12",
            "artifact": "/v1/artifacts/x"},
           {"name": "post", "required": true, "announced": true, "state": "uploading", "max_size": 1000,
            "media_types": ["image/tiff"], "upload_url": "/v1/jobs/x/files/post", "upload": "/v1/uploads/abc",
            "size": null, "sha256": null, "artifact": null}]}
        """

    static let cases = """
        [
          {"name": "pending job", "schema": "Job", "valid": true, "instance": \(pendingJob)},
          {"name": "failed job", "schema": "Job", "valid": true, "instance": \(failedJob)},
          {"name": "deduplicated job", "schema": "ExistingJob", "valid": true,
           "instance": \(pendingJob.dropLast()), "deduplicated": true, "reused": false}},
          {"name": "existing job without saying why", "schema": "ExistingJob", "valid": false, "instance": \(pendingJob)},
          {"name": "job without links", "schema": "Job", "valid": false,
           "instance": {"id": "6f1c2e4a-5b6d-4e7f-8a9b-0c1d2e3f4a5b", "task": "echo", "state": "pending"}},
          {"name": "job in an unknown state", "schema": "JobState", "valid": false, "instance": "asleep"},
          {"name": "quarantined", "schema": "JobState", "valid": true, "instance": "quarantined"},
          {"name": "job list", "schema": "JobList", "valid": true, "instance": {"jobs": [\(pendingJob)], "next_cursor": "c2VxOjQy"}},
          {"name": "last job page", "schema": "JobList", "valid": true, "instance": {"jobs": [], "next_cursor": null}},
          {"name": "events", "schema": "JobEventList", "valid": true, "instance": {"events": [
            {"id": 1, "at": "2026-11-24T10:15:30.123Z", "state": "pending", "stage": null, "progress": 0, "attempt": 0, "error": null},
            {"id": 2, "at": "2026-11-24T10:15:31.123Z", "state": "failed", "stage": "fetch", "progress": 12.5, "attempt": 1,
             "error": {"code": "task_failed", "message": "boom", "retryable": true, "details": null}}]}},
          {"name": "task", "schema": "TaskInfo", "valid": true, "instance": {
            "name": "echo", "version": 1, "summary": "Echo a message back.", "description": null, "queue": "default",
            "priority": 0, "timeout_seconds": 30, "retry": {"max_attempts": 4, "backoff": "fixed", "initial_seconds": 0.5, "max_seconds": 60},
            "dedup": null, "rate_limit": null, "schedules": [], "http": null, "stages": null, "files": [], "input_schema": {"type": "object"}, "output_schema": {"type": "object"},
            "links": {"submit": "/v1/tasks/echo"}}},
          {"name": "waiting job", "schema": "Job", "valid": true, "instance": \(waitingJob)},
          {"name": "task with files", "schema": "TaskFile", "valid": true, "instance":
            {"name": "pre", "required": true, "max_size": 2147483648, "media_types": ["image/tiff"], "description": null}},
          {"name": "rate limit", "schema": "RateLimitPolicy", "valid": true, "instance":
            {"key": "brave", "per_second": 0.5, "burst": 1}},
          {"name": "rate limit of zero", "schema": "RateLimitPolicy", "valid": false, "instance":
            {"key": "brave", "per_second": 0, "burst": 1}},
          {"name": "dedup status", "schema": "DedupStatus", "valid": true, "instance": {
            "version": 1, "key": {"message": "hello"}, "dedup_key": "ab12", "processed": true,
            "processed_at": "2026-11-24T10:16:01.500Z", "reusable_until": null, "succeeded_job": \(pendingJob),
            "latest_job": \(pendingJob)}},
          {"name": "dedup status never processed", "schema": "DedupStatus", "valid": true, "instance": {
            "version": 1, "key": {"message": "hello"}, "dedup_key": "ab12", "processed": false,
            "processed_at": null, "reusable_until": null, "succeeded_job": null, "latest_job": null}},
          {"name": "job batch", "schema": "JobBatch", "valid": true, "instance": {"jobs": [\(pendingJob)]}},
          {"name": "batch request", "schema": "BatchRequest", "valid": true, "instance": {"jobs": [
            {"task": "echo", "input": {"message": "a"}},
            {"task": "echo", "version": 1, "input": {"message": "b"}, "options": {"priority": 5, "delay": "1h30m"}}]}},
          {"name": "batch item without input", "schema": "BatchItem", "valid": false, "instance": {"task": "echo"}},
          {"name": "batch item of an unknown task", "schema": "BatchItem", "valid": false, "instance":
            {"task": "sleep", "input": {"seconds": 1}}},
          {"name": "batch item of a dedup task", "schema": "BatchItem", "valid": false, "instance":
            {"task": "aod_estimation", "input": {}}},
          {"name": "batch item with an input of another task", "schema": "BatchItem", "valid": false, "instance":
            {"task": "echo", "input": {"seconds": 1}}},
          {"name": "batch item with both delay and run_at", "schema": "BatchItem", "valid": false, "instance":
            {"task": "echo", "input": {"message": "a"}, "options": {"delay": "30s", "run_at": "2026-11-24T10:15:00Z"}}},
          {"name": "batch item with a delay of too many digits", "schema": "BatchItem", "valid": false, "instance":
            {"task": "echo", "input": {"message": "a"}, "options": {"delay": "86400s"}}},
          {"name": "batch invalid", "schema": "BatchProblem", "valid": true, "instance": {
            "type": "urn:taskforge:error:batch_invalid", "title": "Unprocessable Content", "status": 422,
            "code": "batch_invalid", "detail": "1 of 2 item(s) cannot be submitted; nothing was queued",
            "items": [{"index": 1, "code": "invalid_input", "detail": "d",
                       "violations": [{"pointer": "/message", "code": "type", "message": "must be a string"}]}]}},
          {"name": "idempotency key reused", "schema": "SubmitProblem", "valid": true, "instance": {
            "type": "urn:taskforge:error:idempotency_key_reused", "title": "Unprocessable Content", "status": 422,
            "code": "idempotency_key_reused", "detail": "d", "job_id": "6f1c2e4a-5b6d-4e7f-8a9b-0c1d2e3f4a5b"}},
          {"name": "task schedule", "schema": "TaskSchedule", "valid": true, "instance":
            {"id": "echo:0123456789abcdef", "cron": "*/15 * * * *", "timezone": "Europe/Berlin", "catch_up": "latest",
             "input": {"message": "hi"}, "next_run": "2026-11-24T10:15:00.000Z"}},
          {"name": "task schedule with an unknown catch-up", "schema": "TaskSchedule", "valid": false, "instance":
            {"id": "echo:0123456789abcdef", "cron": "@daily", "timezone": "UTC", "catch_up": "some",
             "input": {}, "next_run": null}},
          {"name": "task stage", "schema": "TaskStage", "valid": true, "instance":
            {"name": "model_prediction", "queue": "gpu", "weight": 1, "timeout_seconds": 120}},
          {"name": "task stage without weight", "schema": "TaskStage", "valid": false, "instance":
            {"name": "model_prediction", "queue": "gpu", "weight": 0, "timeout_seconds": 120}},
          {"name": "job stage in an unknown state", "schema": "JobStage", "valid": false, "instance":
            {"name": "fetch", "state": "asleep", "started_at": null, "finished_at": null, "attempts": 0}},
          {"name": "dedup policy", "schema": "DedupPolicy", "valid": true, "instance":
            {"key": ["message"], "reuse_result_for_seconds": 3600}},
          {"name": "dedup policy without fields", "schema": "DedupPolicy", "valid": false, "instance":
            {"key": [], "reuse_result_for_seconds": 0}},
          {"name": "tasks", "schema": "TaskList", "valid": true, "instance": {"tasks": []}},
          {"name": "queues", "schema": "QueueList", "valid": true, "instance": {"queues": [
            {"name": "default", "pending": 3, "scheduled": 1, "running": 2, "workers": 1, "concurrency": 4,
             "oldest_pending_age_seconds": 12.5, "paused": false, "paused_at": null, "paused_by": null},
            {"name": "nightly", "pending": 0, "scheduled": 0, "running": 0, "workers": 0, "concurrency": 0,
             "oldest_pending_age_seconds": null, "paused": true, "paused_at": "2026-12-06T18:50:00.000Z",
             "paused_by": "ops-token"}]}},
          {"name": "queue with a negative count", "schema": "QueueStatus", "valid": false, "instance":
            {"name": "default", "pending": -1, "scheduled": 0, "running": 0, "workers": 0, "concurrency": 0,
             "oldest_pending_age_seconds": null, "paused": false, "paused_at": null, "paused_by": null}},
          {"name": "queue without its pause", "schema": "QueueStatus", "valid": false, "instance":
            {"name": "default", "pending": 0, "scheduled": 0, "running": 0, "workers": 0, "concurrency": 0,
             "oldest_pending_age_seconds": null}},
          {"name": "invalid input", "schema": "ValidationProblem", "valid": true, "instance": {
            "type": "urn:taskforge:error:invalid_input", "title": "Unprocessable Content", "status": 422,
            "code": "invalid_input", "detail": "the input does not match the task's schema: 1 violation(s)",
            "instance": "/v1/tasks/echo", "request_id": "5b45dd63",
            "violations": [{"pointer": "/message", "code": "type", "message": "must be a string, found integer"}]}},
          {"name": "invalid input without violations", "schema": "ValidationProblem", "valid": false, "instance": {
            "type": "urn:taskforge:error:invalid_input", "title": "Unprocessable Content", "status": 422,
            "code": "invalid_input", "detail": "d"}},
          {"name": "job finished", "schema": "JobStateProblem", "valid": true, "instance": {
            "type": "urn:taskforge:error:job_finished", "title": "Conflict", "status": 409, "code": "job_finished",
            "detail": "the job already finished as 'failed'; it cannot be cancelled", "instance": "/v1/jobs/x/cancel",
            "request_id": "5b45dd63", "job": \(failedJob)}},
          {"name": "job not retryable", "schema": "JobStateProblem", "valid": true, "instance": {
            "type": "urn:taskforge:error:job_not_retryable", "title": "Conflict", "status": 409, "code": "job_not_retryable",
            "detail": "the job is 'pending'; only failed, cancelled and quarantined jobs can be retried",
            "instance": "/v1/jobs/x/retry", "request_id": "5b45dd63", "job": \(pendingJob)}},
          {"name": "invalid parameter", "schema": "Problem", "valid": true, "instance": {
            "type": "urn:taskforge:error:invalid_parameter", "title": "Bad Request", "status": 400,
            "code": "invalid_parameter", "detail": "query parameter 'limit' must be an integer from 1 to 1000",
            "instance": "/v1/jobs", "request_id": "5b45dd63", "parameter": "limit"}},
          {"name": "health", "schema": "Health", "valid": true, "instance": {"status": "ok"}},
          {"name": "readiness", "schema": "Readiness", "valid": true, "instance": {"status": "ready"}},
          {"name": "echo input", "schema": "EchoInput", "valid": true, "instance": {"message": "hello"}},
          {"name": "echo input with an unknown property", "schema": "EchoInput", "valid": false,
           "instance": {"message": "hello", "sleepy": true}},
          {"name": "aod output", "schema": "AodEstimationOutput", "valid": true, "instance": {
            "results": [{"title": "t", "url": "https://example.com", "published_at": null}], "stats": {"mean": 0.25}}}
        ]
        """
}
