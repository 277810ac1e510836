import AsyncHTTPClient
import Foundation
import Logging
import TaskArtifacts
import TaskRuntime
import TaskStorePostgres
import TaskforgeTestSupport
import Tasks
import Testing

/// Seed 002's clients, host changed only: a dataset uploaded to `POST /datasets`, one job of each
/// type on it through `POST /jobs`, followed on `GET /jobs/{id}` with its events, and each result
/// fetched from the URI `GET /jobs/{id}/result` gives, checked against pandas and scikit-learn.
/// Run on SQLite with local files, and on PostgreSQL with artifacts in S3 (presigned result links).
@Suite("Seed 002: datasets and processing jobs")
struct Seed002Tests {
    enum Backend: String, CaseIterable, CustomTestStringConvertible, Sendable {
        case sqliteLocalFiles, postgresS3
        var testDescription: String { rawValue }
    }

    @Test(arguments: Backend.allCases)
    func aClientOfTheSeedRunsEveryJobType(backend: Backend) async throws {
        let directory = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let csv = try await Oracles.generate("seed.csv", rows: 1500, seed: 31, in: directory)
        try await Self.withServer(backend) { server in
            let uploaded = try await server.upload(
                "/datasets?name=seed.csv", try Data(contentsOf: csv), contentType: "text/csv")
            #expect(uploaded.status == 201, "\(uploaded.json)")
            let datasetID = try #require(uploaded.json["id"]?.stringValue)
            #expect(uploaded.headers["location"] == "/datasets/\(datasetID)")
            #expect(try await server.request("GET", "/datasets/\(datasetID)").json["row_count"] == .integer(1503))

            // metrics: the report the result URI points at is pandas' count of rows and missing cells.
            let metrics = try await Self.runJob(server, #"{"dataset_id": "\#(datasetID)", "type": "metrics"}"#)
            #expect(metrics.job["type"] == "metrics" && metrics.job["dataset_id"] == .string(datasetID))
            let states = (metrics.job["events"]?.arrayValue ?? []).compactMap { $0["state"]?.stringValue }
            #expect(states.first == "pending" && states.last == "succeeded", "\(states)")
            let oracle = try await Oracles.run("metrics.py", [csv.path])
            let report = try JSONValue(json: try await Self.fetch(metrics.resultURI))
            #expect(report["rows"] == oracle["rows"] && report["missing_cells"] == oracle["missing_cells"])

            // normalization: the new dataset at the result URI is scikit-learn's MinMaxScaler to [0, 10].
            let normalized = try await Self.runJob(
                server,
                #"{"dataset_id": "\#(datasetID)", "type": "normalization", "params": {"method": "minmax", "feature_range": [0, 10], "columns": ["gauss", "ratio"]}}"#
            )
            let output = directory.appendingPathComponent("normalized.csv")
            try await Self.fetch(normalized.resultURI).write(to: output)
            let check = try await Oracles.run(
                "normalize.py", [csv.path, output.path, "minmax", "0", "10", "gauss", "ratio"])
            #expect(
                (oracleNumber(check["max_relative_difference"]) ?? 1) < 1e-9 && check["missing_moved"] == 0, "\(check)")

            // anomaly_detection: Tukey's fences flag the rows pandas flags.
            let anomalies = try await Self.runJob(
                server,
                #"{"dataset_id": "\#(datasetID)", "type": "anomaly_detection", "params": {"method": "iqr", "columns": ["gauss"]}}"#
            )
            let flags = try await Oracles.run("anomalies.py", [csv.path, "42", "gauss"])
            let flagged = String(decoding: try await Self.fetch(anomalies.resultURI), as: UTF8.self)
                .split(separator: "\n").compactMap { (try? JSONValue(json: Data($0.utf8)))?["row"] }
            #expect(flagged == flags["iqr"]?["rows"]?.arrayValue)

            // A finished job cannot be cancelled; the seed's errors point into its body.
            let jobID = try #require(anomalies.job["id"]?.stringValue)
            #expect(try await server.request("POST", "/jobs/\(jobID)/cancel").status == 409)
            let unknownType = try await server.request(
                "POST", "/jobs", body: #"{"dataset_id": "\#(datasetID)", "type": "clustering"}"#)
            #expect(
                unknownType.status == 422 && unknownType.json["violations"]?.arrayValue?.first?["pointer"] == "/type")
            let badParam = try await server.request(
                "POST", "/jobs",
                body: #"{"dataset_id": "\#(datasetID)", "type": "normalization", "params": {"method": "log"}}"#)
            #expect(
                badParam.status == 422 && badParam.json["violations"]?.arrayValue?.first?["pointer"] == "/params/method"
            )
            let noDataset = try await server.request(
                "POST", "/jobs", body: #"{"dataset_id": "\#(UUID().uuidString)", "type": "metrics"}"#)
            #expect(
                noDataset.status == 404 && noDataset.json["code"] == "dataset_not_found"
                    && noDataset.json["pointer"] == "/dataset_id")
            #expect(try await server.request("GET", "/jobs/\(UUID().uuidString)").status == 404)
        }
    }

    /// Submits a seed job, waits for it, and returns it with its result URI.
    static func runJob(_ server: TestServer, _ body: String) async throws -> (job: JSONValue, resultURI: String) {
        let created = try await server.request("POST", "/jobs", body: body)
        #expect(created.status == 201, "\(created.json)")
        let id = try #require(created.json["id"]?.stringValue)
        let finished = try await server.waitFor("/jobs/\(id)") {
            ["completed", "failed", "cancelled"].contains($0["status"]?.stringValue ?? "")
        }
        #expect(finished["status"] == "completed", "\(finished["error"] ?? .null)")
        let result = try await server.request("GET", "/jobs/\(id)/result")
        #expect(result.status == 200 && result.json["status"] == "completed")
        return (finished, try #require(result.json["result_uri"]?.stringValue))
    }

    /// GETs an absolute URL (the API's own, or a presigned S3 link) without credentials.
    static func fetch(_ url: String) async throws -> Data {
        #expect(url.hasPrefix("http://"), "an absolute URI: \(url)")
        let response = try await HTTPClient.shared.execute(HTTPClientRequest(url: url), timeout: .seconds(30))
        #expect(response.status.code == 200, "\(url)")
        return Data(try await response.body.collect(upTo: 64 << 20).readableBytesView)
    }

    static func withServer(_ backend: Backend, _ body: (TestServer) async throws -> Void) async throws {
        switch backend {
        case .sqliteLocalFiles:
            try await TestServer.with(
                catalog: GeneratedTasks.catalog, openAPIDocument: GeneratedTasks.openAPIDocument,
                profiles: GeneratedTasks.routeProfiles, transport: .loopback, body)
        case .postgresS3:
            let s3 = try S3TestServer.fromEnvironment().store()
            try await PostgresTestServer.fromEnvironment().withDatabase { url, _ in
                let store = try await PostgresJobStore.connect(to: url, logger: Logger(label: "test"))
                do {
                    try await TestServer.with(
                        catalog: GeneratedTasks.catalog, openAPIDocument: GeneratedTasks.openAPIDocument, artifacts: s3,
                        profiles: GeneratedTasks.routeProfiles, jobStore: store, transport: .loopback, body)
                    await store.close()
                } catch {
                    await store.close()
                    throw error
                }
            }
        }
    }
}
