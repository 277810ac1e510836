import Foundation
import TaskRuntime
import TaskforgeTestSupport
import Testing

/// A multi-stage task over HTTP: the registry lists its stages and a job shows them with timings.
@Suite("Staged jobs over HTTP")
struct StagedJobTests {
    @Test func aStagedJobShowsItsStagesAndTheRegistryListsThem() async throws {
        let staged = StagedCatalog()
        try await TestServer.with(catalog: staged.catalog, openAPIDocument: "{}") { server in
            let task = try await server.request("GET", "/v1/tasks/sum_rows").json
            #expect(
                task["stages"] == [
                    ["name": "prepare", "queue": "cpu", "weight": 3, "timeout_seconds": 30],
                    ["name": "score", "queue": "gpu", "weight": 1, "timeout_seconds": 20],
                ])
            let submitted = try await server.submit("sum_rows", ["numbers": [1, 2]])
            #expect(submitted.status == 202)
            #expect(submitted.json["queue"] == "cpu" && submitted.json["stage"] == "prepare")
            let id = try #require(submitted.json["id"]?.stringValue)
            let done = try await server.waitUntilFinished(id)
            #expect(done["state"] == "succeeded" && done["output"] == ["total": 6] && done["progress"] == 100)
            #expect(done["stage"] == "score" && done["queue"] == "gpu")
            let stages = try #require(done["stages"]?.arrayValue)
            #expect(stages.map { $0["name"] } == ["prepare", "score"])
            #expect(stages.map { $0["state"] } == ["succeeded", "succeeded"])
            #expect(stages.map { $0["attempts"] } == [1, 2])
            #expect(stages.allSatisfy { $0["started_at"]?.stringValue != nil && $0["finished_at"]?.stringValue != nil })
            #expect(staged.calls == ["prepare", "score", "score"])
        }
    }
}
