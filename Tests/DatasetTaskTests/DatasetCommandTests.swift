import Foundation
import TaskRuntime
import TaskforgeTestSupport
import Tasks
import Testing

/// `taskforge datasets upload|list|get|delete` against a live server.
@Suite("taskforge datasets")
struct DatasetCommandTests {
    @Test func theCommandLineUploadsListsShowsAndDeletes() async throws {
        let directory = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = try await Oracles.generate("cli.jsonl", rows: 300, seed: 41, in: directory)
        try await DatasetAPITests.withServer(transport: .loopback) { server in
            let taskforge = try BuiltExecutable.named("taskforge")
            func run(_ arguments: [String]) async throws -> ProcessRunner.Result {
                try await ProcessRunner.run(taskforge, arguments, environment: ["TASKFORGE_URL": server.baseURL])
            }
            let uploaded = try await run(["datasets", "upload", file.path, "--name", "events.jsonl"])
            #expect(uploaded.status == 0, "\(uploaded.stderr)")
            let dataset = try JSONValue(json: Data(uploaded.stdout.utf8))
            #expect(
                dataset["name"] == "events.jsonl" && dataset["format"] == "jsonl"
                    && dataset["row_count"] == .integer(303))
            #expect(dataset["sha256"]?.stringValue == sha256Hex(try Data(contentsOf: file)))
            let id = try #require(dataset["id"]?.stringValue)

            let listed = try await run(["datasets", "list"])
            #expect(listed.status == 0 && listed.stdout.hasPrefix("\(id)  jsonl  303 rows"), "\(listed.stdout)")
            let shown = try await run(["datasets", "get", id])
            let shownDataset = try JSONValue(json: Data(shown.stdout.utf8))
            #expect(shown.status == 0 && shownDataset["id"] == .string(id))

            let missing = try await run(["datasets", "upload", directory.appendingPathComponent("absent.csv").path])
            #expect(missing.status != 0 && missing.stderr.contains("cannot read"), "\(missing.stderr)")
            let parquet = directory.appendingPathComponent("table.parquet")
            try Data("PAR1".utf8).write(to: parquet)
            let refused = try await run(["datasets", "upload", parquet.path])
            #expect(refused.status != 0 && refused.stderr.contains("dataset_format_not_supported"), "\(refused.stderr)")

            #expect(try await run(["datasets", "delete", id]).status == 0)
            let gone = try await run(["datasets", "get", id])
            #expect(gone.status != 0 && gone.stderr.contains("dataset_not_found"), "\(gone.stderr)")
        }
    }
}
