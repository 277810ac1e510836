import Foundation
import TaskRuntime
import TaskforgeTestSupport
import Testing

/// The tus server against an independent client: tuspy, the Python client that tus.io lists
/// (PyPI `tuspy`, installed by `scripts/test`). Fails, never skips, when it is missing.
@Suite("tus interop with tuspy")
struct TusInteropTests {
    /// Uploads argv[2] to the creation URL argv[1] in chunks of argv[3] bytes: a first attempt that
    /// stops after two chunks, then a new `Uploader` given only the upload's URL, which asks the
    /// server for the offset (HEAD) and sends the rest with `Upload-Checksum`.
    static let script = """
        import json, sys
        from tusclient import client
        from tusclient.uploader import Uploader

        url, path, chunk = sys.argv[1], sys.argv[2], int(sys.argv[3])
        tus = client.TusClient(url)
        first = tus.uploader(path, chunk_size=chunk, metadata={"filename": "scène.bin"})
        first.upload(stop_at=2 * chunk)
        second = Uploader(path, url=first.url, client=tus, chunk_size=chunk, upload_checksum=True)
        resumed_from = second.offset
        second.upload()
        print(json.dumps({"url": first.url, "resumed_from": resumed_from, "offset": second.offset}))
        """

    @Test func tuspyUploadsAndResumesThroughTheJobFileURL() async throws {
        let check = try await ProcessRunner.run(
            URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", "import tusclient"])
        guard check.status == 0 else {
            throw TestFailure(
                "the Python package 'tuspy' is not installed: run scripts/test, which installs it (\(check.stderr))")
        }
        let lifecycle = RecordingLifecycle()
        try await TusProtocolTests.with(lifecycle) { server, _ in
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("tuspy-\(UUID()).bin")
            defer { try? FileManager.default.removeItem(at: file) }
            let bytes = TestBytes.make(5 << 20 + 123)
            try bytes.write(to: file)
            let job = UUID().uuidString.lowercased()
            let result = try await ProcessRunner.run(
                URL(fileURLWithPath: "/usr/bin/env"),
                [
                    "python3", "-c", Self.script, "\(server.baseURL)/v1/jobs/\(job)/files/input", file.path,
                    String(1 << 20),
                ])
            #expect(result.status == 0, "\(result.stderr)")
            let answer = try JSONValue(json: Data(result.stdout.utf8))
            #expect(answer["resumed_from"] == .integer(2 << 20))
            #expect(answer["offset"] == .integer(bytes.count))
            let url = try #require(answer["url"]?.stringValue)
            #expect(url.hasPrefix("\(server.baseURL)/v1/uploads/"))
            let id = try #require(url.split(separator: "/").last.map(String.init))
            #expect(try await lifecycle.bytes(of: id) == bytes)
            #expect(await lifecycle.admitted == [["filename": "scène.bin", "job_id": job, "file": "input"]])
        }
    }
}
