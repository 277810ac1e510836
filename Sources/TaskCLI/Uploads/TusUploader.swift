import AsyncHTTPClient
import Crypto
import Foundation
import NIOCore
import NIOHTTP1

/// Uploads one local file to a Taskforge server with tus 1.0.0: creates the upload (or finds how
/// far an earlier one got), then sends the rest in chunks, each with its SHA-256 so that a chunk
/// damaged on the way is refused and sent again. Memory holds one chunk at a time.
struct TusUploader {
    let client: APIClient
    /// The bytes sent per `PATCH`.
    var chunkSize = 8 << 20
    /// How often a chunk that failed on the way (a dropped connection, a checksum mismatch) is sent again.
    var retries = 3

    /// Creates an upload of `size` bytes at the tus creation URL `creationPath`; returns the upload's URL.
    func create(size: Int64, at creationPath: String, metadata: [String: String]) async throws -> String {
        var request = client.request(.POST, creationPath)
        request.headers.add(name: "Tus-Resumable", value: "1.0.0")
        request.headers.add(name: "Upload-Length", value: String(size))
        request.headers.add(
            name: "Upload-Metadata",
            value: metadata.sorted { $0.key < $1.key }.map { "\($0.key) \(Data($0.value.utf8).base64EncodedString())" }
                .joined(separator: ","))
        let response = try await client.execute(request)
        guard response.status == .created, let location = response.headers.first(name: "Location") else {
            throw try await CLIError(response: response, doing: "creating the upload")
        }
        return location
    }

    /// How many bytes of upload `uploadURL` the server holds, or `nil` when it no longer knows it.
    func offset(of uploadURL: String) async throws -> Int64? {
        var request = client.request(.HEAD, uploadURL)
        request.headers.add(name: "Tus-Resumable", value: "1.0.0")
        let response = try await client.execute(request)
        if response.status == .notFound || response.status == .gone { return nil }
        guard response.status == .ok || response.status == .noContent,
            let offset = response.headers.first(name: "Upload-Offset").flatMap(Int64.init)
        else { throw try await CLIError(response: response, doing: "asking how far the upload got") }
        return offset
    }

    /// Sends the bytes of `file` from `offset` to its end to `uploadURL`, calling `progress` with the
    /// offset after each chunk.
    func send(_ file: URL, to uploadURL: String, from offset: Int64, progress: (Int64) -> Void) async throws {
        let handle = try FileHandle(forReadingFrom: file)
        defer { try? handle.close() }
        var offset = offset
        try handle.seek(toOffset: UInt64(offset))
        while let chunk = try handle.read(upToCount: chunkSize), !chunk.isEmpty {
            offset = try await patch(chunk, to: uploadURL, at: offset, attemptsLeft: retries)
            progress(offset)
        }
    }

    /// Sends one chunk at `offset`; returns the new offset. A failure on the way asks the server
    /// where the upload stands and sends what it lacks again.
    private func patch(_ chunk: Data, to uploadURL: String, at offset: Int64, attemptsLeft: Int) async throws -> Int64 {
        var request = client.request(.PATCH, uploadURL)
        request.headers.add(name: "Tus-Resumable", value: "1.0.0")
        request.headers.add(name: "Upload-Offset", value: String(offset))
        request.headers.add(name: "Content-Type", value: "application/offset+octet-stream")
        request.headers.add(
            name: "Upload-Checksum", value: "sha256 " + Data(SHA256.hash(data: chunk)).base64EncodedString())
        request.body = .bytes(ByteBuffer(bytes: chunk))
        do {
            let response = try await client.execute(request)
            guard response.status == .noContent,
                let next = response.headers.first(name: "Upload-Offset").flatMap(Int64.init)
            else { throw try await CLIError(response: response, doing: "sending bytes \(offset)...") }
            return next
        } catch  where attemptsLeft > 0 {
            // The server keeps what it verified; resend from where it stands.
            guard let held = try await self.offset(of: uploadURL), held >= offset, held <= offset + Int64(chunk.count)
            else {
                throw error
            }
            let rest = chunk.dropFirst(Int(held - offset))
            return rest.isEmpty
                ? held : try await patch(Data(rest), to: uploadURL, at: held, attemptsLeft: attemptsLeft - 1)
        }
    }
}
