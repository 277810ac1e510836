import Foundation
import TaskRuntime
import TaskforgeTestSupport
import Tasks
import Testing

/// A task declaring `dedup: {key: [dataset]}`, built by hand; its jobs are delayed so that they stay pending.
enum SumTask {
    struct Input: Codable, Sendable {
        var dataset: String
        var note: String?
    }

    struct Output: Codable, Sendable {}

    static let definition = TaskDefinition(
        name: "sum", version: 1, summary: "Sums a dataset.", queue: "sums", timeout: .seconds(60),
        input: Schema(
            type: [.object],
            properties: [.init("dataset", Schema(type: [.string])), .init("note", Schema(type: [.string]))]),
        output: Schema(type: [.object]), dedup: DedupPolicy(keyFields: ["dataset"], reuseResultFor: .seconds(3600)),
        location: SourceLocation(file: "DedupSubmitTests.swift", line: 1, column: 1))

    static let catalog = TaskCatalog([
        TaskEntry(definition) { (_: Input, _: JobContext) async throws -> Output in Output() }
    ])
}

@Suite("Dedup over HTTP")
struct DedupSubmitTests {
    @Test func aSecondSubmitWithTheSameKeyAnswers200WithTheSameJob() async throws {
        try await TestServer.with(catalog: SumTask.catalog, openAPIDocument: GeneratedTasks.openAPIDocument) { server in
            let first = try await server.request(
                "POST", "/v1/tasks/sum?delay=1h", body: #"{"dataset": "a", "note": "x"}"#)
            #expect(first.status == 202)
            #expect(first.json["deduplicated"] == nil)
            let id = try #require(first.json["id"]?.stringValue)

            let second = try await server.request(
                "POST", "/v1/tasks/sum?delay=1h", body: #"{"dataset": "a", "note": "y"}"#)
            #expect(second.status == 200)
            #expect(second.json["id"]?.stringValue == id)
            #expect(second.json["deduplicated"] == true && second.json["reused"] == false)
            #expect(second.headers["location"] == "/v1/jobs/\(id)")

            let other = try await server.request("POST", "/v1/tasks/sum?delay=1h", body: #"{"dataset": "b"}"#)
            #expect(other.status == 202 && other.json["id"]?.stringValue != id)
            let tasks = try await server.request("GET", "/v1/tasks/sum")
            #expect(tasks.json["dedup"] == ["key": ["dataset"], "reuse_result_for_seconds": 3600])
        }
    }

    @Test func theDedupRouteTellsWhetherAKeyWasProcessedAndByWhichJob() async throws {
        try await TestServer.with(catalog: SumTask.catalog, openAPIDocument: GeneratedTasks.openAPIDocument) { server in
            let never = try await server.request("GET", "/v1/dedup/sum?dataset=a")
            #expect(never.status == 200)
            #expect(never.json["processed"] == false && never.json["latest_job"] == .null)
            #expect(never.json["key"] == ["dataset": "a"])

            let submitted = try await server.request("POST", "/v1/tasks/sum", body: #"{"dataset": "a"}"#)
            let id = try #require(submitted.json["id"]?.stringValue)
            _ = try await server.waitUntilFinished(id)
            let processed = try await server.request("GET", "/v1/dedup/sum?dataset=a")
            #expect(processed.json["processed"] == true)
            #expect(processed.json["succeeded_job"]?["id"]?.stringValue == id)
            #expect(processed.json["latest_job"]?["id"]?.stringValue == id)
            #expect(processed.json["processed_at"] == processed.json["succeeded_job"]?["finished_at"])
            #expect(processed.json["reusable_until"]?.stringValue != nil)
            #expect(try await server.request("GET", "/v1/dedup/sum?dataset=b").json["processed"] == false)

            let unknown = try await server.request("GET", "/v1/dedup/sum?note=x")
            #expect(
                unknown.status == 400 && unknown.json["code"] == "invalid_parameter"
                    && unknown.json["parameter"] == "note")
            let missing = try await server.request("GET", "/v1/dedup/nope?dataset=a")
            #expect(missing.status == 404 && missing.json["code"] == "task_not_found")
        }
    }

    @Test func aTaskWithoutDedupHasNoKeysToLookUp() async throws {
        try await TestServer.with(catalog: GeneratedTasks.catalog, openAPIDocument: GeneratedTasks.openAPIDocument) {
            server in
            let reply = try await server.request("GET", "/v1/dedup/echo?message=hi")
            #expect(reply.status == 404 && reply.json["code"] == "dedup_not_declared")
        }
    }
}

/// `http: {path: ...}`: an extra submit route that answers exactly like `POST /v1/tasks/<name>`.
@Suite("Route aliases")
struct RouteAliasTests {
    static let catalog: TaskCatalog = {
        var definition = SumTask.definition
        definition.alias = RouteAlias(path: "/api/sum")
        return TaskCatalog([
            TaskEntry(definition) { (_: SumTask.Input, _: JobContext) async throws -> SumTask.Output in SumTask.Output()
            }
        ])
    }()

    @Test func theAliasValidatesAndAnswersLikeTheTaskRoute() async throws {
        try await TestServer.with(catalog: Self.catalog, openAPIDocument: GeneratedTasks.openAPIDocument) { server in
            let created = try await server.request("POST", "/api/sum?delay=1h", body: #"{"dataset": "a"}"#)
            #expect(created.status == 202 && created.json["task"] == "sum")
            let id = try #require(created.json["id"]?.stringValue)
            #expect(created.headers["location"] == "/v1/jobs/\(id)")
            let deduplicated = try await server.request("POST", "/v1/tasks/sum?delay=1h", body: #"{"dataset": "a"}"#)
            #expect(deduplicated.status == 200 && deduplicated.json["id"]?.stringValue == id)
            let invalid = try await server.request("POST", "/api/sum", body: #"{"dataset": 1}"#)
            #expect(invalid.status == 422 && invalid.json["code"] == "invalid_input")
            #expect(invalid.json["violations"]?.arrayValue?.first?["pointer"] == "/dataset")
            let task = try await server.request("GET", "/v1/tasks/sum")
            #expect(task.json["http"] == ["path": "/api/sum", "method": "POST"])
        }
    }
}
