import Foundation
import TaskRuntime
import TaskServer
import TaskforgeTestSupport
import Tasks
import Testing

/// Datasets over tus, for files too large to send in one request: created with `dataset` metadata,
/// sent in chunks (resumed after a dropped connection), profiled when the last byte arrives, and
/// found at the creation's `Link`; a bad file answers the last chunk with its line, and a format
/// Taskforge does not read is refused before any byte is sent.
@Suite("Datasets over tus")
struct DatasetTusTests {
    static func withServer(_ body: (TestServer) async throws -> Void) async throws {
        try await TestServer.with(
            catalog: GeneratedTasks.catalog, openAPIDocument: GeneratedTasks.openAPIDocument,
            waitingExpiry: .seconds(3600), transport: .loopback, body)
    }

    @Test func aDatasetArrivesInChunksAndIsProfiledAtTheEnd() async throws {
        let directory = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = try await Oracles.generate("large.csv.gz", rows: 4000, seed: 51, in: directory)
        let bytes = try Data(contentsOf: file)
        try await Self.withServer { server in
            let created = try await server.createUpload(
                length: Int64(bytes.count), metadata: ["dataset": "large.csv.gz", "filetype": "application/gzip"])
            #expect(created.status == 201)
            let location = try #require(created.headers["location"])
            let link = try #require(created.headers["link"])
            let path = try #require(
                link.split(separator: ";").first?.trimmingCharacters(in: CharacterSet(charactersIn: "<> ")))
            #expect(path.hasPrefix("/v1/datasets/") && link.hasSuffix(#"rel="related""#))
            #expect(try await server.request("GET", path).status == 404, "not a dataset before its last byte")

            // Half, a chunk whose connection breaks, then the rest from the offset the server kept.
            let half = bytes.count / 2
            #expect(try await server.patchUpload(location, offset: 0, bytes.prefix(half)).status == 204)
            _ = try? await server.interruptedPatch(location, offset: Int64(half), bytes.suffix(from: half), after: 1000)
            let offset = Int(
                try #require(try await server.tus("HEAD", location).headers["upload-offset"].flatMap(Int.init)))
            #expect(offset >= half && offset <= bytes.count)
            var resumed = try await server.patchUpload(location, offset: Int64(offset), bytes.suffix(from: offset))
            // A HEAD answered before the broken PATCH reached the server knows less than the server
            // kept: the conflict says how much, and the client resumes from there, as tus clients do.
            if resumed.status == 409, let kept = resumed.offset {
                resumed = try await server.patchUpload(location, offset: kept, bytes.suffix(from: Int(kept)))
            }
            #expect(resumed.status == 204)

            let dataset = try await server.request("GET", path)
            #expect(
                dataset.status == 200 && dataset.json["row_count"] == .integer(4003) && dataset.json["format"] == "csv")
            #expect(dataset.json["sha256"]?.stringValue == sha256Hex(bytes) && dataset.json["name"] == "large.csv.gz")
        }
    }

    @Test func badDatasetsAreRefusedOverTusToo() async throws {
        try await Self.withServer { server in
            let parquet = try await server.createUpload(length: 4, metadata: ["dataset": "table.parquet"])
            #expect(parquet.status == 415 && parquet.json["code"] == "dataset_format_not_supported")

            let ragged = Data("a,b\n1,2\n3\n".utf8)
            let created = try await server.createUpload(
                length: Int64(ragged.count), metadata: ["dataset": "ragged.csv"])
            let location = try #require(created.headers["location"])
            let path = try #require(
                created.headers["link"]?.split(separator: ";").first?.trimmingCharacters(
                    in: CharacterSet(charactersIn: "<> ")))
            let last = try await server.patchUpload(location, offset: 0, ragged)
            #expect(last.status == 422 && last.json["code"] == "invalid_dataset" && last.json["line"] == 3)
            // The refusal is final: HEAD and a repeated last PATCH answer it from the upload's record
            // (its bytes are gone), not by reading the file again.
            #expect(try await server.tus("HEAD", location).status == 422)
            let again = try await server.patchUpload(location, offset: Int64(ragged.count), Data())
            #expect(again.status == 422 && again.json["code"] == "invalid_dataset" && again.json["line"] == 3)
            #expect(try await server.request("GET", path).status == 404)
            #expect(try await server.store.datasets(matching: DatasetQuery()).datasets.isEmpty)
        }
    }
}
