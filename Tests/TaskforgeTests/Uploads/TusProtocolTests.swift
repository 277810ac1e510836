import Crypto
import Foundation
import TaskRuntime
import TaskServer
import TaskforgeTestSupport
import Tasks
import Testing

/// The tus 1.0.0 server over real HTTP on loopback, with a lifecycle that records what it is told.
@Suite("tus 1.0.0 uploads")
struct TusProtocolTests {
    /// A server with uploads staged in a fresh directory (or `directory`), for `lifecycle`.
    static func with(
        _ lifecycle: RecordingLifecycle = RecordingLifecycle(), directory: URL? = nil, maxBytes: Int64? = nil,
        authentication: Authentication = .off, _ body: (TestServer, UploadStaging) async throws -> Void
    ) async throws {
        let owned = directory == nil
        let directory = directory ?? FileManager.default.temporaryDirectory.appendingPathComponent("tus-\(UUID())")
        defer { if owned { try? FileManager.default.removeItem(at: directory) } }
        let staging = UploadStaging(directory: directory, lifecycle: lifecycle, maxBytes: maxBytes)
        try await TestServer.with(
            catalog: GeneratedTasks.catalog, openAPIDocument: GeneratedTasks.openAPIDocument,
            authentication: authentication, uploads: staging, transport: .loopback
        ) { try await body($0, staging) }
    }

    static func stagedFiles(_ staging: UploadStaging) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: staging.directory.path)) ?? []).sorted()
    }

    @Test func optionsAdvertisesVersionExtensionsAndLimits() async throws {
        try await Self.with(maxBytes: 1 << 30) { server, _ in
            let reply = try await server.tus("OPTIONS", "/v1/uploads/", resumable: nil)
            #expect(reply.status == 204)
            #expect(reply.headers["tus-version"] == "1.0.0")
            #expect(reply.headers["tus-resumable"] == "1.0.0")
            #expect(reply.headers["tus-extension"] == "creation,creation-with-upload,termination,expiration,checksum")
            #expect(reply.headers["tus-checksum-algorithm"] == "sha1,sha256")
            #expect(reply.headers["tus-max-size"] == String(1 << 30))
        }
    }

    @Test func creationThenPatchesCompleteTheUploadOnce() async throws {
        let lifecycle = RecordingLifecycle()
        try await Self.with(lifecycle) { server, staging in
            let bytes = TestBytes.make(300_000)
            let metadata = "file ZGF0YS5iaW4=,empty"
            let created = try await server.tus(
                "POST", "/v1/uploads/", headers: ["Upload-Length": "300000", "Upload-Metadata": metadata])
            #expect(created.status == 201)
            #expect(created.headers["tus-resumable"] == "1.0.0")
            let location = try #require(created.headers["location"])
            #expect(location.wholeMatch(of: /\/v1\/uploads\/[0-9a-f]{32}/) != nil)
            #expect(
                created.headers["upload-expires"]?.wholeMatch(
                    of: /[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT/) != nil)
            #expect(await lifecycle.admitted == [["file": "data.bin", "empty": ""]])

            let head = try await server.tus("HEAD", location)
            #expect(head.status == 200 && head.offset == 0)
            #expect(head.headers["upload-length"] == "300000")
            #expect(head.headers["upload-metadata"] == metadata)
            #expect(head.headers["cache-control"] == "no-store")
            #expect(head.headers["upload-expires"] == created.headers["upload-expires"])

            let first = try await server.patchUpload(location, offset: 0, bytes.prefix(100_000))
            #expect(first.status == 204 && first.offset == 100_000)
            #expect(first.headers["tus-resumable"] == "1.0.0" && first.headers["upload-expires"] != nil)
            #expect(await lifecycle.completeCalls == 0)
            let last = try await server.patchUpload(location, offset: 100_000, bytes.suffix(from: 100_000))
            #expect(last.status == 204 && last.offset == 300_000)

            let id = String(location.split(separator: "/").last!)
            #expect(try await lifecycle.bytes(of: id) == bytes)
            #expect(await lifecycle.completeCalls == 1)
            // The bytes left the staging directory; the record answers HEAD with the final offset.
            #expect(Self.stagedFiles(staging) == ["\(id).json"])
            let after = try await server.tus("HEAD", location)
            #expect(after.status == 200 && after.offset == 300_000)
            let again = try await server.patchUpload(location, offset: 300_000, Data())
            #expect(again.status == 204 && again.offset == 300_000)
            #expect(await lifecycle.completeCalls == 1, "completion is called exactly once")
        }
    }

    @Test func creationWithUploadStoresTheFirstChunk() async throws {
        let lifecycle = RecordingLifecycle()
        try await Self.with(lifecycle) { server, _ in
            let bytes = TestBytes.make(50_000)
            let partial = try await server.createUpload(length: 50_000, body: bytes.prefix(20_000))
            #expect(partial.status == 201 && partial.offset == 20_000)
            let location = try #require(partial.headers["location"])
            #expect(try await server.tus("HEAD", location).offset == 20_000)
            let rest = try await server.patchUpload(location, offset: 20_000, bytes.suffix(from: 20_000))
            #expect(rest.status == 204 && rest.offset == 50_000)

            let whole = try await server.createUpload(length: 50_000, body: bytes)
            #expect(whole.status == 201 && whole.offset == 50_000)
            let id = try #require(whole.headers["location"]?.split(separator: "/").last.map(String.init))
            #expect(try await lifecycle.bytes(of: id) == bytes)
            #expect(await lifecycle.completed.count == 2)
        }
    }

    @Test func anEmptyUploadCompletesAtCreation() async throws {
        let lifecycle = RecordingLifecycle()
        try await Self.with(lifecycle) { server, staging in
            let created = try await server.createUpload(length: 0)
            #expect(created.status == 201 && created.offset == 0)
            let id = try #require(created.headers["location"]?.split(separator: "/").last.map(String.init))
            #expect(try await lifecycle.bytes(of: id) == Data())
            #expect(!Self.stagedFiles(staging).contains("\(id).bin"), "the empty bytes file left with the delivery")
        }
    }

    @Test func theJobFileRouteImpliesJobAndFileMetadata() async throws {
        let lifecycle = RecordingLifecycle()
        try await Self.with(lifecycle) { server, _ in
            let job = UUID().uuidString.lowercased()
            let created = try await server.createUpload(
                length: 10, metadata: ["filename": "scene.tif"], path: "/v1/jobs/\(job)/files/scene")
            #expect(created.status == 201)
            #expect(created.headers["location"]?.hasPrefix("/v1/uploads/") == true)
            #expect(await lifecycle.admitted == [["filename": "scene.tif", "job_id": job, "file": "scene"]])
            let contradicted = try await server.createUpload(
                length: 10, metadata: ["file": "other"], path: "/v1/jobs/\(job)/files/scene")
            #expect(contradicted.status == 400 && contradicted.json["code"] == "invalid_upload_metadata")
        }
    }

    @Test func aLargeUploadInChunksArrivesByteIdentical() async throws {
        let lifecycle = RecordingLifecycle()
        try await Self.with(lifecycle) { server, _ in
            let total = 200 << 20
            let chunk = 8 << 20
            let created = try await server.createUpload(length: Int64(total))
            let location = try #require(created.headers["location"])
            var source = TestBytes(seed: 42)
            var hash = SHA256()
            let peakBefore = Self.peakResidentMiB()
            let started = ContinuousClock.now
            var offset: Int64 = 0
            while offset < Int64(total) {
                let bytes = source.next(chunk)
                hash.update(data: bytes)
                let reply = try await server.patchUpload(location, offset: offset, bytes)
                #expect(reply.status == 204)
                offset = try #require(reply.offset)
            }
            let elapsed = (ContinuousClock.now - started).seconds
            print(
                "tus: 200 MiB in \(chunk >> 20) MiB PATCHes took \(elapsed) s: \(Double(total >> 20) / elapsed) MiB/s")
            // Client and server share this process: the peak includes the client's 8 MiB chunks.
            print("tus: peak RSS (VmHWM) \(peakBefore ?? 0) MiB before, \(Self.peakResidentMiB() ?? 0) MiB after")
            let id = try #require(location.split(separator: "/").last.map(String.init))
            let copy = try #require(await lifecycle.completed[id])
            var received = SHA256()
            let handle = try FileHandle(forReadingFrom: copy)
            defer { try? handle.close() }
            while let piece = try handle.read(upToCount: 4 << 20), !piece.isEmpty { received.update(data: piece) }
            #expect(received.finalize() == hash.finalize())
        }
    }

    /// This process's peak resident set (`VmHWM`) in MiB; `nil` off Linux.
    static func peakResidentMiB() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
        else { return nil }
        let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
        return fields.count > 1 ? Int(fields[1]).map { $0 / 1024 } : nil
    }

    @Test func anInterruptedPatchKeepsWhatArrivedAndTheClientResumes() async throws {
        let lifecycle = RecordingLifecycle()
        try await Self.with(lifecycle) { server, _ in
            let bytes = TestBytes.make(4 << 20)
            let location = try #require(try await server.createUpload(length: Int64(bytes.count)).headers["location"])
            await server.interruptedPatch(location, offset: 0, bytes, after: 3 << 19)
            // The server keeps what it received before the connection broke; HEAD says how much.
            let offset = try await eventually("the server to notice the broken PATCH") { () async throws -> Int64? in
                let head = try await server.tus("HEAD", location)
                return head.offset.flatMap { $0 > 0 ? $0 : nil }
            }
            #expect(offset <= 3 << 19)
            let resumed = try await server.patchUpload(location, offset: offset, bytes.suffix(from: Int(offset)))
            #expect(resumed.status == 204 && resumed.offset == Int64(bytes.count))
            let id = try #require(location.split(separator: "/").last.map(String.init))
            #expect(try await lifecycle.bytes(of: id) == bytes)
        }
    }

    @Test func aPatchAtAnotherOffsetIsAConflict() async throws {
        try await Self.with { server, _ in
            let location = try #require(try await server.createUpload(length: 100).headers["location"])
            _ = try await server.patchUpload(location, offset: 0, TestBytes.make(10))
            let conflict = try await server.patchUpload(location, offset: 5, TestBytes.make(10))
            #expect(conflict.status == 409 && conflict.json["code"] == "upload_offset_mismatch")
            #expect(conflict.offset == 10 && conflict.headers["tus-resumable"] == "1.0.0")
            #expect(try await server.tus("HEAD", location).offset == 10)
            let unsupported = try await server.patchUpload(
                location, offset: 10, TestBytes.make(10), headers: ["Content-Type": "application/octet-stream"])
            #expect(unsupported.status == 415 && unsupported.json["code"] == "unsupported_media_type")
            let noOffset = try await server.tus("PATCH", location, body: TestBytes.make(10))
            #expect(
                noOffset.status == 400 && noOffset.json["code"] == "invalid_upload_header"
                    && noOffset.json["header"] == "Upload-Offset")
        }
    }

    @Test func tusResumableIsRequiredAndAnswered() async throws {
        try await Self.with { server, _ in
            for version in [nil, "0.2.2"] {
                let refused = try await server.tus(
                    "POST", "/v1/uploads/", headers: ["Upload-Length": "1", "Upload-Metadata": "file YQ=="],
                    resumable: version)
                #expect(
                    refused.status == 412 && refused.json["code"] == "tus_version_unsupported", "\(version ?? "none")")
                #expect(refused.headers["tus-version"] == "1.0.0" && refused.headers["tus-resumable"] == "1.0.0")
            }
            let location = try #require(try await server.createUpload(length: 1).headers["location"])
            let head = try await server.tus("HEAD", location, resumable: nil)
            #expect(head.status == 412 && head.headers["tus-version"] == "1.0.0")
            let missing = try await server.tus("HEAD", "/v1/uploads/\(String(repeating: "0", count: 32))")
            #expect(missing.status == 404 && missing.headers["tus-resumable"] == "1.0.0")
            // The OpenAPI document lists the upload routes, so another method is 405 with Allow.
            let get = try await server.tus("GET", location)
            #expect(get.status == 405 && get.headers["allow"] == "DELETE, HEAD, PATCH")
        }
    }

    @Test func checksumsAreVerifiedAndAMismatchKeepsTheOffset() async throws {
        let lifecycle = RecordingLifecycle()
        try await Self.with(lifecycle) { server, _ in
            let bytes = TestBytes.make(30_000)
            let location = try #require(try await server.createUpload(length: 30_000).headers["location"])
            let first = bytes.prefix(10_000)
            let sha1 = Data(Insecure.SHA1.hash(data: first)).base64EncodedString()
            let ok1 = try await server.patchUpload(
                location, offset: 0, first, headers: ["Upload-Checksum": "sha1 \(sha1)"])
            #expect(ok1.status == 204 && ok1.offset == 10_000)

            let second = bytes[10_000..<20_000]
            let wrong = Data(SHA256.hash(data: bytes.prefix(10_000))).base64EncodedString()
            let mismatch = try await server.patchUpload(
                location, offset: 10_000, second, headers: ["Upload-Checksum": "sha256 \(wrong)"])
            #expect(mismatch.status == 460 && mismatch.json["code"] == "checksum_mismatch")
            #expect(try await server.tus("HEAD", location).offset == 10_000, "the chunk was discarded")

            let unsupported = try await server.patchUpload(
                location, offset: 10_000, second, headers: ["Upload-Checksum": "md5 \(wrong)"])
            #expect(unsupported.status == 400 && unsupported.json["code"] == "checksum_algorithm_unsupported")
            let malformed = try await server.patchUpload(
                location, offset: 10_000, second, headers: ["Upload-Checksum": "sha256 !!"])
            #expect(malformed.status == 400 && malformed.json["code"] == "invalid_upload_header")

            let sha256 = Data(SHA256.hash(data: bytes.suffix(from: 10_000))).base64EncodedString()
            let ok256 = try await server.patchUpload(
                location, offset: 10_000, bytes.suffix(from: 10_000), headers: ["Upload-Checksum": "sha256 \(sha256)"])
            #expect(ok256.status == 204 && ok256.offset == 30_000)
            let id = try #require(location.split(separator: "/").last.map(String.init))
            #expect(try await lifecycle.bytes(of: id) == bytes)
        }
    }

    @Test func anUploadTooLargeIsRefusedAtCreationAndAtPatch() async throws {
        let lifecycle = RecordingLifecycle(maxBytes: 1000)
        try await Self.with(lifecycle, maxBytes: 1 << 20) { server, staging in
            let overGrant = try await server.createUpload(length: 1001)
            #expect(
                overGrant.status == 413 && overGrant.json["code"] == "upload_too_large"
                    && overGrant.json["max_bytes"] == 1000)
            let overServer = try await server.createUpload(length: 2 << 20)
            #expect(overServer.status == 413 && overServer.json["max_bytes"] == .integer(1 << 20))
            #expect(Self.stagedFiles(staging).isEmpty, "nothing was stored")

            let location = try #require(try await server.createUpload(length: 1000).headers["location"])
            _ = try await server.patchUpload(location, offset: 0, TestBytes.make(600))
            let past = try await server.patchUpload(location, offset: 600, TestBytes.make(401))
            #expect(past.status == 413 && past.json["code"] == "upload_too_large")
            #expect(try await server.tus("HEAD", location).offset == 600, "nothing of the chunk was kept")
            let withBody = try await server.createUpload(length: 10, body: TestBytes.make(11))
            #expect(withBody.status == 413)
        }
    }

    @Test func terminationRemovesTheUploadAndTellsTheLifecycle() async throws {
        let lifecycle = RecordingLifecycle()
        try await Self.with(lifecycle) { server, staging in
            let location = try #require(try await server.createUpload(length: 100).headers["location"])
            _ = try await server.patchUpload(location, offset: 0, TestBytes.make(50))
            let deleted = try await server.tus("DELETE", location)
            #expect(deleted.status == 204 && deleted.headers["tus-resumable"] == "1.0.0")
            #expect(try await server.tus("HEAD", location).status == 404)
            #expect(
                try await server.patchUpload(location, offset: 50, TestBytes.make(50)).json["code"]
                    == "upload_not_found")
            #expect(Self.stagedFiles(staging).isEmpty)
            #expect(await lifecycle.discarded == [String(location.split(separator: "/").last!)])
        }
    }

    @Test func expiredUploadsAnswerGoneAndTheSweepRemovesThem() async throws {
        let lifecycle = RecordingLifecycle(lifetime: 3600)
        try await Self.with(lifecycle) { server, staging in
            let open = try #require(try await server.createUpload(length: 100).headers["location"])
            let done = try #require(
                try await server.createUpload(length: 3, body: Data("abc".utf8)).headers["location"])
            #expect(try await staging.removeExpired(now: Date()) == 0)
            #expect(try await staging.removeExpired(now: Date().addingTimeInterval(7200)) == 2)
            #expect(try await server.tus("HEAD", open).status == 404)
            #expect(try await server.tus("HEAD", done).status == 404)
            #expect(Self.stagedFiles(staging).isEmpty)
            // Only the upload that had not completed is discarded.
            #expect(await lifecycle.discarded == [String(open.split(separator: "/").last!)])
        }
        try await Self.with(RecordingLifecycle(lifetime: -1)) { server, _ in
            let location = try #require(try await server.createUpload(length: 100).headers["location"])
            let gone = try await server.tus("HEAD", location)
            #expect(gone.status == 410)
            let patch = try await server.patchUpload(location, offset: 0, TestBytes.make(10))
            #expect(patch.status == 410 && patch.json["code"] == "upload_expired")
        }
    }

    @Test func anotherPrincipalsUploadIsNotFound() async throws {
        try await Self.with(authentication: .required) { server, _ in
            let alice = AuthenticationTests.bearer(try await AuthenticationTests.token(server, "alice", [.submit]))
            let bob = AuthenticationTests.bearer(try await AuthenticationTests.token(server, "bob", [.submit]))
            let admin = AuthenticationTests.bearer(try await AuthenticationTests.token(server, "ops", [.admin]))
            let reader = AuthenticationTests.bearer(try await AuthenticationTests.token(server, "reader", [.read]))
            let location = try #require(try await server.createUpload(length: 20, headers: alice).headers["location"])
            #expect(try await server.createUpload(length: 20, headers: reader).status == 403)
            let head = try await server.tus("HEAD", location, headers: bob)
            #expect(head.status == 404)
            let patch = try await server.patchUpload(location, offset: 0, TestBytes.make(20), headers: bob)
            #expect(patch.status == 404 && patch.json["code"] == "upload_not_found")
            #expect(try await server.tus("DELETE", location, headers: bob).status == 404)
            #expect(try await server.tus("HEAD", location, headers: admin).status == 200)
            let own = try await server.patchUpload(location, offset: 0, TestBytes.make(20), headers: alice)
            #expect(own.status == 204 && own.offset == 20)
        }
    }

    @Test func idsThatAreNotUploadIdsNeverReachTheFileSystem() async throws {
        try await Self.with { server, staging in
            for id in [
                "..", "%2e%2e", "..%2F..%2Fetc%2Fpasswd", "a%2Fb", String(repeating: "A", count: 32), "0123", "x.json",
            ] {
                let head = try await server.tus("HEAD", "/v1/uploads/\(id)")
                #expect(head.status == 404, "\(id)")
                let delete = try await server.tus("DELETE", "/v1/uploads/\(id)")
                #expect(delete.status == 404, "\(id)")
            }
            #expect(Self.stagedFiles(staging).isEmpty)
        }
    }

    @Test func malformedCreationHeadersAreRefused() async throws {
        try await Self.with { server, staging in
            let cases: [([String: String], String)] = [
                (["Upload-Metadata": "file YQ=="], "invalid_upload_header"),
                (["Upload-Length": "-1", "Upload-Metadata": "file YQ=="], "invalid_upload_header"),
                (["Upload-Length": "ten", "Upload-Metadata": "file YQ=="], "invalid_upload_header"),
                (["Upload-Defer-Length": "1", "Upload-Metadata": "file YQ=="], "invalid_upload_header"),
                (["Upload-Length": "1", "Upload-Metadata": "file !!!"], "invalid_upload_metadata"),
                (["Upload-Length": "1", "Upload-Metadata": "file YQ==,file Yg=="], "invalid_upload_metadata"),
                (["Upload-Length": "1", "Upload-Metadata": "file YQ==,,x YQ=="], "invalid_upload_metadata"),
                (["Upload-Length": "1", "Upload-Metadata": "file YQ== extra"], "invalid_upload_metadata"),
                (["Upload-Length": "1", "Upload-Metadata": "file /w=="], "invalid_upload_metadata"),
                (
                    ["Upload-Length": "2", "Upload-Metadata": "file YQ==", "Upload-Checksum": ""],
                    "invalid_upload_header"
                ),
                (
                    ["Upload-Length": "2", "Upload-Metadata": "file YQ==", "Upload-Checksum": "md5 YQ=="],
                    "checksum_algorithm_unsupported"
                ),
            ]
            for (headers, code) in cases {
                let reply = try await server.tus("POST", "/v1/uploads/", headers: headers)
                #expect(reply.status == 400 && reply.json["code"] == .string(code), "\(headers)")
            }
            let undeclared = try await server.createUpload(length: 1, metadata: ["name": "x"])
            #expect(undeclared.status == 404 && undeclared.json["code"] == "file_not_declared")
            #expect(Self.stagedFiles(staging).isEmpty)
        }
    }

    @Test func aRefusedCompletionIsRepeatedOnTheNextHead() async throws {
        let lifecycle = RecordingLifecycle()
        await lifecycle.refuseNextCompletions(1)
        try await Self.with(lifecycle) { server, _ in
            let bytes = TestBytes.make(1000)
            let location = try #require(try await server.createUpload(length: 1000).headers["location"])
            let refused = try await server.patchUpload(location, offset: 0, bytes)
            #expect(refused.status == 503 && refused.json["code"] == "job_store_down")
            let head = try await server.tus("HEAD", location)
            #expect(head.status == 200 && head.offset == 1000)
            #expect(await lifecycle.completeCalls == 2)
            let id = try #require(location.split(separator: "/").last.map(String.init))
            #expect(try await lifecycle.bytes(of: id) == bytes)
        }
    }

    @Test func anUploadResumesAfterTheServerRestarts() async throws {
        let lifecycle = RecordingLifecycle()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tus-restart-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        let bytes = TestBytes.make(100_000)
        var location = ""
        try await Self.with(lifecycle, directory: directory) { server, _ in
            location = try #require(try await server.createUpload(length: 100_000).headers["location"])
            _ = try await server.patchUpload(location, offset: 0, bytes.prefix(40_000))
        }
        try await Self.with(lifecycle, directory: directory) { server, _ in
            let head = try await server.tus("HEAD", location)
            #expect(head.status == 200 && head.offset == 40_000)
            let rest = try await server.patchUpload(location, offset: 40_000, bytes.suffix(from: 40_000))
            #expect(rest.status == 204 && rest.offset == 100_000)
        }
        let id = String(location.split(separator: "/").last!)
        #expect(try await lifecycle.bytes(of: id) == bytes)
    }
}
