import Foundation
import TaskRuntime
import TaskServer
import TaskforgeTestSupport
import Tasks
import Testing

/// `/v1/datasets` and the three dataset tasks over real HTTP: uploads profiled once and stored with
/// their SHA-256, bad files refused with their line and nothing kept, ownership by token, deletion
/// refused while a job reads the dataset, and each task's results equal to pandas' and scikit-learn's
/// on the bytes the API stored.
@Suite("Datasets over the API")
struct DatasetAPITests {
    static func withServer(
        authentication: Authentication = .off, transport: TestServer.Transport = .inMemory,
        _ body: (TestServer) async throws -> Void
    ) async throws {
        try await TestServer.with(
            catalog: GeneratedTasks.catalog, openAPIDocument: GeneratedTasks.openAPIDocument,
            authentication: authentication, profiles: GeneratedTasks.routeProfiles, transport: transport, body)
    }

    @Test func uploadsAreProfiledAndServedBack() async throws {
        let directory = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let csv = try await Oracles.generate("sales.csv", rows: 2000, seed: 3, in: directory)
        let jsonl = try await Oracles.generate("sales.jsonl", rows: 500, seed: 4, in: directory)
        let gzipped = try await Oracles.generate("sales.csv.gz", rows: 700, seed: 5, in: directory)
        try await Self.withServer { server in
            let stored = try await server.uploadDataset(csv)
            let oracle = try await Oracles.run("metrics.py", [csv.path])
            #expect(stored["row_count"] == oracle["rows"])
            #expect(stored["format"] == "csv" && stored["name"] == "sales.csv")
            let bytes = try Data(contentsOf: csv)
            #expect(stored["size"] == .integer(bytes.count))
            #expect(stored["sha256"]?.stringValue == sha256Hex(bytes))
            let types = Dictionary(
                uniqueKeysWithValues: (stored["columns"]?.arrayValue ?? []).map {
                    ($0["name"]?.stringValue ?? "", $0["type"]?.stringValue ?? "")
                })
            #expect(
                types == [
                    "id": "integer", "gauss": "number", "other": "number", "skewed": "number", "count": "integer",
                    "constant": "integer", "zeros": "integer", "ratio": "number", "category": "string",
                    "note": "string",
                    "flag": "boolean", "day": "date",
                ])
            let countColumn = stored["columns"]?.arrayValue?.first { $0["name"] == "count" }
            #expect(countColumn?["null_count"] == oracle["numeric"]?["count"]?["missing"])
            #expect(stored["preview"]?.arrayValue?.count == 10)

            let id = try #require(stored["id"]?.stringValue)
            #expect(try await server.request("GET", "/v1/datasets/\(id)").json == stored)
            let content = try await server.download("/v1/datasets/\(id)/content")
            #expect(content.status == 200 && content.body == bytes)

            let lines = try await server.uploadDataset(jsonl, contentType: "application/x-ndjson")
            #expect(lines["format"] == "jsonl")
            #expect(lines["row_count"] == (try await Oracles.run("metrics.py", [jsonl.path]))["rows"])
            let compressed = try await server.uploadDataset(gzipped, contentType: "application/gzip")
            #expect(compressed["format"] == "csv" && compressed["row_count"] == .integer(703))

            let first = try await server.request("GET", "/v1/datasets?limit=2")
            #expect(
                first.json["datasets"]?.arrayValue?.compactMap { $0["id"] }
                    == [compressed["id"], lines["id"]].compactMap { $0 })
            let cursor = try #require(first.json["next_cursor"]?.stringValue)
            let rest = try await server.request("GET", "/v1/datasets?limit=2&cursor=\(cursor)")
            #expect(rest.json["datasets"]?.arrayValue?.compactMap { $0["id"] } == [stored["id"]].compactMap { $0 })
            #expect(rest.json["next_cursor"] == .null)
        }
    }

    @Test func badFilesAreRefusedAndNothingIsKept() async throws {
        let cases:
            [(name: String, type: String, body: Data, status: Int, code: String, datasetCode: String?, line: Int?)] = [
                ("ragged.csv", "text/csv", Data("a,b\n1,2\n3\n4,5\n".utf8), 422, "invalid_dataset", "ragged_row", 3),
                (
                    "quote.csv", "text/csv", Data("a,b\n1,\"open\n2,3\n".utf8), 422, "invalid_dataset",
                    "unterminated_quote", 2
                ),
                (
                    "utf8.csv", "text/csv", Data("a,b\n1,2\n".utf8) + Data([0x33, 0x2C, 0xFF, 0xFE, 0x0A]), 422,
                    "invalid_dataset", "invalid_utf8", 3
                ),
                ("empty.csv", "text/csv", Data(), 422, "invalid_dataset", "empty_file", nil),
                ("header.csv", "text/csv", Data("a,b\n".utf8), 422, "invalid_dataset", "header_only", nil),
                (
                    "nested.jsonl", "application/x-ndjson", Data("{\"a\": 1}\n{\"a\": {\"b\": 2}}\n".utf8), 422,
                    "invalid_dataset", "nested_value", 2
                ),
                (
                    "table.parquet", "application/octet-stream", Data("PAR1\u{0}\u{0}PAR1".utf8), 415,
                    "dataset_format_not_supported", nil, nil
                ),
                (
                    "table.csv", "application/vnd.apache.parquet", Data("PAR1".utf8), 415,
                    "dataset_format_not_supported", nil, nil
                ),
                (
                    "disguised.csv", "text/csv", Data("PAR1 and then some".utf8), 415, "dataset_format_not_supported",
                    nil, nil
                ),
                (
                    "photo.png", "image/png", Data([0x89, 0x50, 0x4E, 0x47]), 415, "dataset_format_not_supported", nil,
                    nil
                ),
                ("a/b.csv", "text/csv", Data("a\n1\n".utf8), 400, "invalid_parameter", nil, nil),
            ]
        try await Self.withServer { server in
            for each in cases {
                let name =
                    each.name.addingPercentEncoding(
                        withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: ".-_"))) ?? each.name
                let reply = try await server.upload("/v1/datasets?name=\(name)", each.body, contentType: each.type)
                #expect(reply.status == each.status, "\(each.name): \(String(decoding: reply.body, as: UTF8.self))")
                #expect(reply.json["code"] == .string(each.code), "\(each.name)")
                if let datasetCode = each.datasetCode {
                    #expect(reply.json["dataset_code"] == .string(datasetCode), "\(each.name)")
                }
                if let line = each.line { #expect(reply.json["line"] == .integer(line), "\(each.name)") }
                if each.status == 415 { #expect(reply.json["supported"]?.arrayValue?.contains("csv") == true) }
            }
            #expect(try await server.request("GET", "/v1/datasets").json["datasets"] == [])
            #expect(try await server.store.datasets(matching: DatasetQuery()).datasets.isEmpty)
        }
    }

    @Test func aJobNamesOnlyDatasetsItsSubmitterMaySee() async throws {
        let directory = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let csv = try await Oracles.generate("own.csv", rows: 100, seed: 9, in: directory)
        try await Self.withServer(authentication: .required) { server in
            let alice = ["Authorization": "Bearer \(try await Self.token(server, "alice", [.read, .submit, .cancel]))"]
            let bob = ["Authorization": "Bearer \(try await Self.token(server, "bob", [.read, .submit, .cancel]))"]
            let admin = ["Authorization": "Bearer \(try await Self.token(server, "ops", [.admin]))"]
            let dataset = try await server.uploadDataset(csv, headers: alice)
            let id = try #require(dataset["id"]?.stringValue)
            #expect(try await server.request("GET", "/v1/datasets/\(id)", headers: bob).status == 404)
            #expect(try await server.request("GET", "/v1/datasets", headers: bob).json["datasets"] == [])
            #expect(try await server.request("GET", "/v1/artifacts/\(id)", headers: bob).status == 404)
            #expect(try await server.request("DELETE", "/v1/datasets/\(id)", headers: bob).status == 404)
            #expect(try await server.request("GET", "/v1/datasets/\(id)", headers: admin).status == 200)

            let refused = try await server.request(
                "POST", "/v1/tasks/dataset_metrics", body: #"{"dataset": "\#(id)"}"#, headers: bob)
            #expect(
                refused.status == 404 && refused.json["code"] == "dataset_not_found"
                    && refused.json["pointer"] == "/dataset")
            let batch = try await server.request(
                "POST", "/v1/jobs:batch",
                body:
                    #"{"jobs": [{"task": "echo", "input": {"message": "hi"}}, {"task": "dataset_metrics", "input": {"dataset": "\#(id)"}}]}"#,
                headers: bob)
            #expect(batch.status == 404 && batch.json["pointer"] == "/jobs/1/input/dataset")
            #expect(try await server.store.jobs(matching: JobQuery()).jobs.isEmpty, "nothing was queued")

            let accepted = try await server.request(
                "POST", "/v1/tasks/dataset_metrics", body: #"{"dataset": "\#(id)"}"#, headers: alice)
            #expect(accepted.status == 202)
        }
    }

    @Test func aDatasetCannotBeDeletedWhileAJobReadsIt() async throws {
        let directory = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let csv = try await Oracles.generate("held.csv", rows: 50, seed: 11, in: directory)
        try await Self.withServer { server in
            let id = try #require(try await server.uploadDataset(csv)["id"]?.stringValue)
            // Held back an hour: pending, it reads the dataset all the while.
            let held = try await server.request(
                "POST", "/v1/tasks/dataset_metrics?delay=1h", body: #"{"dataset": "\#(id)"}"#)
            let jobID = try #require(held.json["id"]?.stringValue)
            let refused = try await server.request("DELETE", "/v1/datasets/\(id)")
            #expect(
                refused.status == 409 && refused.json["code"] == "dataset_in_use"
                    && refused.json["jobs"] == [.string(jobID)])
            #expect(try await server.request("POST", "/v1/jobs/\(jobID)/cancel").status == 200)
            #expect(try await server.request("DELETE", "/v1/datasets/\(id)").status == 204)
            #expect(try await server.request("GET", "/v1/datasets/\(id)").status == 404)
            #expect(try await server.download("/v1/datasets/\(id)/content").status == 404)
            // The job's lineage still names what it would have read.
            let job = try await server.job(jobID)
            #expect(
                job["datasets"]?.arrayValue?.first?["id"] == .string(id)
                    && job["datasets"]?.arrayValue?.first?["sha256"]?.stringValue?.count == 64)
        }
    }

    @Test func theTasksAgreeWithPandasAndScikitLearn() async throws {
        let directory = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let csv = try await Oracles.generate("measured.csv", rows: 3000, seed: 21, in: directory)
        try await Self.withServer { server in
            let id = try #require(try await server.uploadDataset(csv)["id"]?.stringValue)

            // Metrics: every statistic of every numeric column as pandas computes it.
            let metrics = try await Self.run(server, "dataset_metrics", #"{"dataset": "\#(id)"}"#)
            let oracle = try await Oracles.run("metrics.py", [csv.path])
            for key in ["rows", "columns", "missing_cells", "duplicate_rows"] {
                #expect(metrics[key] == oracle[key], "\(key)")
            }
            for column in metrics["numeric"]?.arrayValue ?? [] {
                let name = try #require(column["name"]?.stringValue)
                let expected = try #require(oracle["numeric"]?[name])
                #expect(column["count"] == expected["count"] && column["missing"] == expected["missing"], "\(name)")
                for (ours, theirs) in [
                    ("mean", "mean"), ("std", "std"), ("variance", "var"), ("skewness", "skew"), ("kurtosis", "kurt"),
                ] {
                    #expect(close(column[ours]?.doubleValue, oracleNumber(expected[theirs])), "\(name).\(ours)")
                }
                let quantiles = ["p5", "p25", "p50", "p75", "p95"].map { column["quantiles"]?[$0]?.doubleValue }
                let expectedQuantiles = (expected["quantiles"]?.arrayValue ?? []).map(oracleNumber)
                #expect(zip(quantiles, expectedQuantiles).allSatisfy { close($0, $1) }, "\(name) quantiles")
                #expect(column["histogram"]?["counts"] == expected["histogram"], "\(name) histogram")
            }
            let report = try await server.download("/v1/artifacts/\(try #require(metrics["report"]?.stringValue))")
            #expect(report.status == 200 && report.json["rows"] == metrics["rows"])
            let summary = try await server.download("/v1/artifacts/\(try #require(metrics["summary"]?.stringValue))")
            #expect(summary.headers["content-type"]?.hasPrefix("text/html") == true)
            #expect(String(decoding: summary.body, as: UTF8.self).contains("<svg"))

            // Normalization: the new dataset's values are scikit-learn's transform.
            let normalized = try await Self.run(
                server, "dataset_normalize",
                #"{"dataset": "\#(id)", "method": "robust", "columns": ["gauss", "skewed", "count"]}"#)
            let newID = try #require(normalized["dataset"]?.stringValue)
            let written = try await server.download("/v1/datasets/\(newID)/content")
            let output = directory.appendingPathComponent("normalized.csv")
            try written.body.write(to: output)
            let check = try await Oracles.run(
                "normalize.py", [csv.path, output.path, "robust", "0", "1", "gauss", "skewed", "count"])
            #expect((oracleNumber(check["max_relative_difference"]) ?? 1) < 1e-9, "\(check)")
            #expect(check["missing_moved"] == 0 && check["passthrough_changed"] == 0, "\(check)")
            let registered = try await server.request("GET", "/v1/datasets/\(newID)")
            #expect(registered.json["row_count"] == metrics["rows"] && registered.json["job_id"] != .null)
            // It feeds the next job like an upload.
            let remeasured = try await Self.run(server, "dataset_metrics", #"{"dataset": "\#(newID)"}"#)
            #expect(remeasured["rows"] == metrics["rows"] && remeasured["dataset"] == .string(newID))

            // Anomalies: the z-score flags are the oracle's rows.
            let anomalies = try await Self.run(
                server, "dataset_anomalies",
                #"{"dataset": "\#(id)", "method": "zscore", "columns": ["gauss", "other"]}"#)
            let flags = try await Oracles.run("anomalies.py", [csv.path, "42", "gauss", "other"])
            #expect(
                anomalies["flagged_rows"] == .integer(flags["zscore"]?["rows"]?.arrayValue?.count ?? -1),
                "\(flags["zscore"] ?? .null)")
            #expect(anomalies["counts"] == flags["zscore"]?["counts"])
            let flagged = try await server.download("/v1/artifacts/\(try #require(anomalies["flagged"]?.stringValue))")
            let rows = String(decoding: flagged.body, as: UTF8.self).split(separator: "\n").compactMap {
                (try? JSONValue(json: Data($0.utf8)))?["row"]
            }
            #expect(rows == flags["zscore"]?["rows"]?.arrayValue)
        }
    }

    @Test func aRunningDatasetJobReportsProgressAndStopsWhenCancelled() async throws {
        let directory = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let csv = try await Oracles.generate("long.csv", rows: 150_000, seed: 61, in: directory)
        try await Self.withServer { server in
            let id = try #require(try await server.uploadDataset(csv)["id"]?.stringValue)
            let submitted = try await server.request(
                "POST", "/v1/tasks/dataset_anomalies", body: #"{"dataset": "\#(id)", "method": "mad"}"#)
            let jobID = try #require(submitted.json["id"]?.stringValue)
            // Running, with progress reported by the bytes read (three passes over the file).
            let running = try await server.waitFor("/v1/jobs/\(jobID)") { job in
                job["state"] == "running" && (job["progress"]?.doubleValue ?? 0) > 0 || job["state"] == "succeeded"
            }
            #expect(running["state"] == "running", "the job finished before it could be cancelled: use a larger file")
            #expect(running["stage"] == "scoring")
            #expect(try await server.request("POST", "/v1/jobs/\(jobID)/cancel").status == 202)
            let finished = try await server.waitUntilFinished(jobID)
            #expect(finished["state"] == "cancelled", "\(finished["error"] ?? .null)")
            #expect(finished["output"] == .null && (finished["progress"]?.doubleValue ?? 100) < 100)
        }
    }

    /// Submits `body` to `task`, waits for the job and returns its output; the job must succeed.
    static func run(_ server: TestServer, _ task: String, _ body: String) async throws -> JSONValue {
        let submitted = try await server.request("POST", "/v1/tasks/\(task)", body: body)
        #expect(submitted.status == 202, "\(submitted.json)")
        let job = try await server.waitUntilFinished(try #require(submitted.json["id"]?.stringValue))
        #expect(job["state"] == "succeeded", "\(job["error"] ?? .null)")
        return job["output"] ?? .null
    }

    /// Stores a token with `scopes` and returns the secret a client presents.
    static func token(_ server: TestServer, _ name: String, _ scopes: Set<TokenScope>) async throws -> String {
        let secret = TokenSecret.generate()
        #expect(
            try await server.store.createToken(
                APIToken(
                    id: secret.id, name: name, secretHash: secret.hash, scopes: scopes, tasks: nil, createdAt: Date())))
        return secret.text
    }
}
