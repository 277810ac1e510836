import Foundation
import TaskRuntime

/// Uploads the local files of a job that waits for them: each file the job still lacks, resuming
/// an upload the server holds part of, with a progress line per file on standard error.
struct JobFileUploader {
    let client: APIClient
    var tus: TusUploader { TusUploader(client: client) }

    /// Uploads each of `files` (by declared name) that `job` lacks, recording each upload's URL in
    /// `record` (saved at `recordURL`) as soon as it exists; returns the job as it stands afterwards.
    /// Optional files go first: a server that does not know the announcement (`files=`) starts the job
    /// at its last required file, and by then the optional ones are in.
    func upload(
        _ files: [String: URL], of job: RemoteJob, record: inout FileSubmission, recordURL: URL
    ) async throws
        -> RemoteJob
    {
        let declaredFiles = job.json["files"]?.arrayValue ?? []
        let optionalFirst =
            declaredFiles.filter { Self.isOptional($0) } + declaredFiles.filter { !Self.isOptional($0) }
        for declared in optionalFirst {
            guard let name = declared["name"]?.stringValue, let file = files[name],
                declared["state"]?.stringValue != "complete"
            else { continue }
            let size = try Self.size(of: file)
            var offset: Int64? = nil
            if let known = record.uploads[name] { offset = try await tus.offset(of: known) }
            let uploadURL: String
            if let known = record.uploads[name], offset != nil {
                uploadURL = known
            } else {
                guard let creation = declared["upload_url"]?.stringValue else {
                    throw CLIError("the job takes no upload of file '\(name)' any more (it is '\(job.state)')")
                }
                uploadURL = try await tus.create(
                    size: size, at: creation, metadata: ["filename": file.lastPathComponent])
                record.uploads[name] = uploadURL
                try record.save(to: recordURL)
            }
            let display = UploadDisplay(name: name, size: size, interactive: isatty(STDERR_FILENO) == 1)
            display.show(offset ?? 0)
            try await tus.send(file, to: uploadURL, from: offset ?? 0) { display.show($0) }
            display.end()
        }
        return try await client.job(id: job.idString)
    }

    /// Whether the task declares the file optional: not required, or required only because it was announced.
    private static func isOptional(_ file: JSONValue) -> Bool {
        file["required"] == .bool(false) || file["announced"] == .bool(true)
    }

    static func size(of file: URL) throws -> Int64 {
        let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        return (attributes[.size] as? NSNumber)?.int64Value ?? 0
    }
}

/// One file's upload progress on standard error: a rewritten line on a terminal, a line per tenth otherwise.
final class UploadDisplay {
    private let name: String
    private let size: Int64
    private let interactive: Bool
    private var lastTenth = -1

    init(name: String, size: Int64, interactive: Bool) {
        self.name = name
        self.size = size
        self.interactive = interactive
    }

    func show(_ offset: Int64) {
        let fraction = size == 0 ? 1 : Double(offset) / Double(size)
        let line = String(
            format: "%@: %3d%% (%.1f of %.1f MB)", name, Int(fraction * 100), Double(offset) / 1e6, Double(size) / 1e6)
        if interactive {
            FileHandle.standardError.write(Data(("\r" + line).utf8))
        } else if Int(fraction * 10) > lastTenth {
            lastTenth = Int(fraction * 10)
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
    }

    func end() {
        if interactive { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
