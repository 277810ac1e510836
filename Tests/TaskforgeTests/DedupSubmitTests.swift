import Foundation
import TaskRuntime
import TaskforgeTestSupport
import Tasks
import Testing

/// A task declaring `dedup: {key: [dataset]}`, built by hand; its jobs are delayed so that they stay pending.
private enum SumTask {
    struct Input: Codable, Sendable {
        var dataset: String
        var note: String?
    }

    struct Output: Codable, Sendable {}

    static let definition = TaskDefinition(
        name: "sum", version: 1, summary: "Sums a dataset.", queue: "sums", timeout: .seconds(60),
        input: Schema(type: [.object], properties: [.init("dataset", Schema(type: [.string])), .init("note", Schema(type: [.string]))]),
        output: Schema(type: [.object]), dedup: DedupPolicy(keyFields: ["dataset"], reuseResultFor: .seconds(3600)),
        location: SourceLocation(file: "DedupSubmitTests.swift", line: 1, column: 1))

    static let catalog = TaskCatalog([TaskEntry(definition) { (_: Input, _: JobContext) async throws -> Output in Output() }])
}

@Suite("Dedup over HTTP")
struct DedupSubmitTests {
    @Test func aSecondSubmitWithTheSameKeyAnswers200WithTheSameJob() async throws {
        try await TestServer.with(catalog: SumTask.catalog, openAPIDocument: GeneratedTasks.openAPIDocument) { server in
            let first = try await server.request("POST", "/v1/tasks/sum?delay=1h", body: #"{"dataset": "a", "note": "x"}"#)
            #expect(first.status == 202)
            #expect(first.json["deduplicated"] == nil)
            let id = try #require(first.json["id"]?.stringValue)

            let second = try await server.request("POST", "/v1/tasks/sum?delay=1h", body: #"{"dataset": "a", "note": "y"}"#)
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
}
