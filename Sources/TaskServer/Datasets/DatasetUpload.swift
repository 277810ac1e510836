import Datasets
import Foundation
import Hummingbird
import NIOCore
import NIOFileSystem
import NIOPosix
import TaskRuntime

/// A dataset upload (`POST /v1/datasets`): what its query and headers say, the format chosen from
/// them, and the body spooled to a scratch file, read once for its profile, before it is stored.
struct DatasetUpload {
    var name: String
    var contentType: String
    var format: DatasetFormat

    /// The formats datasets may be in, as `415 dataset_format_not_supported` lists them.
    static let supported = ["csv", "csv.gz", "jsonl", "jsonl.gz"]

    /// Reads `?name=` (default `dataset.csv` or `dataset.jsonl`) and `Content-Type`, and picks the
    /// format: `text/csv` and `application/csv` are CSV; `application/x-ndjson`, `application/jsonl`
    /// and `application/x-jsonlines` are JSON Lines; for `application/gzip`, `application/octet-stream`
    /// or no type, the name's suffix decides (`.csv`, `.jsonl`, `.ndjson`, each with or without `.gz`).
    /// Anything else, Parquet included, is `415 dataset_format_not_supported`.
    init(_ request: Request) throws {
        let parameters = request.uri.queryParameters
        let named = parameters["name"].map(String.init)
        if let named, let problem = ArtifactName.problem(with: named) {
            throw Problem.invalidParameter("name", problem)
        }
        let contentType = request.headers[.contentType] ?? "application/octet-stream"
        if let problem = ArtifactUploadParameters.contentTypeProblem(contentType) {
            throw Problem(
                .badRequest, .invalidParameter, "the Content-Type header \(problem)",
                extensions: ["header": "Content-Type"])
        }
        self.name = named ?? "dataset"
        self.contentType = contentType
        self.format = try Self.format(contentType: contentType, name: named)
        if named == nil { name = format == .csv ? "dataset.csv" : "dataset.jsonl" }
    }

    /// The format `contentType` names, or for a generic type (`application/octet-stream`,
    /// `application/gzip`) the format `name`'s suffix names; `415 dataset_format_not_supported` when neither does.
    static func format(contentType: String, name: String?) throws -> DatasetFormat {
        let mediaType =
            contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        let format: DatasetFormat? =
            switch mediaType {
            case "text/csv", "application/csv": .csv
            case "application/x-ndjson", "application/ndjson", "application/jsonl", "application/x-jsonlines",
                "application/jsonlines":
                .jsonLines
            case "application/gzip", "application/x-gzip", "application/octet-stream":
                name.flatMap(Self.format(ofName:))
            default: nil
            }
        guard let format else {
            let what = name.map { "'\($0)' (\(contentType))" } ?? contentType
            throw Self.unsupported("\(what) is not a dataset format Taskforge reads")
        }
        return format
    }

    /// The format a file name's suffix names, or `nil`.
    static func format(ofName name: String) -> DatasetFormat? {
        var lowered = name.lowercased()
        if lowered.hasSuffix(".gz") { lowered.removeLast(3) }
        if lowered.hasSuffix(".csv") { return .csv }
        if lowered.hasSuffix(".jsonl") || lowered.hasSuffix(".ndjson") { return .jsonLines }
        return nil
    }

    static func unsupported(_ detail: String) -> Problem {
        Problem(
            .unsupportedMediaType, .datasetFormatNotSupported,
            "\(detail); supported: CSV (RFC 4180) and JSON Lines, either gzip-compressed (Parquet is not read yet)",
            extensions: ["supported": .array(supported.map(JSONValue.string))])
    }

    /// `413 body_too_large` for a dataset over `limit` bytes.
    static func tooLarge(limit: Int64) -> Problem {
        Problem(
            .contentTooLarge, .bodyTooLarge,
            "the dataset is larger than the limit of \(limit) bytes (TASK_MAX_DATASET_MB); nothing was stored",
            extensions: ["max_bytes": .integer(Int(clamping: limit))])
    }

    /// Writes `body` to a new file at `url`, stopping with `413 body_too_large` past `limit` bytes.
    static func spool(_ body: RequestBody, to url: URL, limit: Int64) async throws {
        try await FileSystem.shared.withFileHandle(
            forWritingAt: FilePath(url.path), options: .newFile(replaceExisting: true)
        ) { handle in
            var writer = handle.bufferedWriter(capacity: .kibibytes(512))
            var written: Int64 = 0
            for try await chunk in body {
                written += Int64(chunk.readableBytes)
                guard written <= limit else { throw tooLarge(limit: limit) }
                try await writer.write(contentsOf: chunk)
            }
            try await writer.flush()
        }
    }

    /// Reads the spooled file once, on a thread of its own, for its profile; see ``profile(of:format:)``.
    func profile(of url: URL) async throws -> DatasetProfile {
        try await Self.profile(of: url, format: format)
    }

    /// Reads the file at `url` once, on a thread of its own, for its profile; a malformed file is
    /// `422 invalid_dataset` naming the line and the reason, and a Parquet or zip file (whatever its
    /// type said) `415 dataset_format_not_supported`.
    static func profile(of url: URL, format: DatasetFormat) async throws -> DatasetProfile {
        if let magic = try? FileHandle(forReadingFrom: url).read(upToCount: 4) {
            if magic == Data("PAR1".utf8) { throw Self.unsupported("the body is a Parquet file") }
            if magic == Data([0x50, 0x4B, 0x03, 0x04]) { throw Self.unsupported("the body is a zip archive (Excel?)") }
        }
        do {
            // Not on NIO's shared blocking pool (one thread per core): a profile reads the whole file,
            // seconds to minutes, and that pool also runs SQLite's queries and every file operation.
            return try await onOwnThread(named: "dataset-profile") {
                try Profiler.profile(path: url.path, format: format)
            }
        } catch let error as DatasetError {
            var extensions: [String: JSONValue] = [
                "reason": .string(error.reason), "dataset_code": .string(error.code),
            ]
            if let line = error.line { extensions["line"] = .integer(line) }
            throw Problem(
                .unprocessableContent, .invalidDataset,
                "the dataset cannot be read: \(error.description); nothing was stored",
                extensions: extensions)
        }
    }
}
