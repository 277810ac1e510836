import Crypto
import Foundation
import TaskRuntime
import TaskServer
import TaskforgeTestSupport
import Testing

/// Jobs that wait for their files, end to end over tus: the job is created waiting with an upload
/// URL per file, refuses to start while a required file is missing, starts by itself on the last
/// required upload, and its handler reads byte-identical files; uploads the job cannot take are
/// refused with their codes; a job that never gets its files expires and its partial upload goes.
@Suite struct JobFileUploadTests {
    static let scan = Data((0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })

    @Test func theLastRequiredUploadStartsTheJobWhichReadsTheFiles() async throws {
        try await Self.withServer { server in
            let submitted = try await server.submit("measure", ["label": "site 4"])
            #expect(submitted.status == 202)
            #expect(submitted.json["state"] == "waiting")
            let id = try #require(submitted.json["id"]?.stringValue)
            let files = try #require(submitted.json["files"]?.arrayValue)
            #expect(files.map { $0["name"] } == ["scan", "notes"])
            #expect(files.map { $0["state"] } == ["missing", "missing"])
            #expect(files[0]["upload_url"] == .string("/v1/jobs/\(id)/files/scan"))

            let early = try await server.request("POST", "/v1/jobs/\(id)/start")
            #expect(early.status == 409)
            #expect(early.json["code"] == "files_missing" && early.json["missing"] == ["scan"])

            let created = try await server.createUpload(
                length: Int64(Self.scan.count), metadata: ["filename": "scan.tif", "filetype": "image/tiff"],
                path: "/v1/jobs/\(id)/files/scan")
            #expect(created.status == 201)
            let location = try #require(created.headers["location"])
            #expect(try await server.job(id)["files"]?.arrayValue?.first?["state"] == "uploading")
            let half = Self.scan.count / 2
            #expect(try await server.patchUpload(location, offset: 0, Self.scan.prefix(half)).status == 204)
            #expect(try await server.job(id)["state"] == "waiting")
            #expect(
                try await server.patchUpload(location, offset: Int64(half), Self.scan.suffix(from: half)).status == 204)

            let finished = try await server.waitUntilFinished(id)
            #expect(finished["state"] == "succeeded")
            let digest = Hex.encode(SHA256.hash(data: Self.scan))
            #expect(
                finished["output"]?["files"] == [
                    "scan": ["size": .integer(Self.scan.count), "sha256": .string(digest)]
                ])
            let recorded = try #require(finished["files"]?.arrayValue?.first)
            #expect(recorded["state"] == "complete" && recorded["sha256"] == .string(digest))
            #expect(recorded["upload_url"] == .null)

            // The stored bytes are an artifact of their own, and the job's lineage names them.
            let artifact = try #require(recorded["artifact"]?.stringValue)
            #expect(try await server.download(artifact).body == Self.scan)
        }
    }

    @Test func uploadsTheJobCannotTakeAreRefusedWithTheirCodes() async throws {
        try await Self.withServer { server in
            let id = try #require(try await server.submit("measure", [:]).json["id"]?.stringValue)
            let cases: [(path: String, metadata: [String: String], length: Int64, status: Int, code: String)] = [
                ("/v1/jobs/\(id)/files/sketch", [:], 10, 404, "file_not_declared"),
                ("/v1/jobs/\(UUID().uuidString.lowercased())/files/scan", [:], 10, 404, "job_not_found"),
                ("/v1/jobs/\(id)/files/scan", ["filetype": "image/png"], 10, 415, "file_type_not_accepted"),
                ("/v1/jobs/\(id)/files/scan", [:], 2 << 20, 413, "upload_too_large"),
                ("/v1/uploads/", ["file": "scan"], 10, 400, "invalid_upload_metadata"),
            ]
            for refused in cases {
                let reply = try await server.createUpload(
                    length: refused.length, metadata: refused.metadata, path: refused.path)
                #expect(reply.status == refused.status, "\(refused.path) \(refused.metadata)")
                #expect(reply.json["code"] == .string(refused.code), "\(refused.path) \(refused.metadata)")
            }
            #expect(try await server.request("POST", "/v1/jobs/\(id)/cancel").status == 200)
            let late = try await server.createUpload(length: 10, metadata: [:], path: "/v1/jobs/\(id)/files/scan")
            #expect(late.status == 409 && late.json["code"] == "job_not_waiting")
        }
    }

    @Test func aJobThatNeverGetsItsFilesExpiresWithItsPartialUpload() async throws {
        try await Self.withServer { server in
            let id = try #require(try await server.submit("measure", [:]).json["id"]?.stringValue)
            let created = try await server.createUpload(length: 100, metadata: [:], path: "/v1/jobs/\(id)/files/scan")
            let location = try #require(created.headers["location"])
            #expect(try await server.patchUpload(location, offset: 0, Data(repeating: 1, count: 40)).status == 204)
            #expect(created.headers["upload-expires"] != nil)

            let uploads = try #require(server.uploads)
            let janitor = WaitingJobJanitor(
                uploads: uploads, store: server.store, waitingExpiry: .seconds(3600), logger: .init(label: "test"))
            await janitor.sweep(now: Date())
            #expect(try await server.job(id)["state"] == "waiting")
            await janitor.sweep(now: Date().addingTimeInterval(3601))
            let expired = try await server.job(id)
            #expect(expired["state"] == "failed" && expired["error"]?["code"] == "files_missing")
            #expect([404, 410].contains(try await server.tus("HEAD", location).status))
        }
    }

    private static func withServer(_ body: (TestServer) async throws -> Void) async throws {
        try await TestServer.with(
            catalog: FileTaskCatalog.catalog, openAPIDocument: "{}", waitingExpiry: .seconds(3600)
        ) {
            try await body($0)
        }
    }
}
